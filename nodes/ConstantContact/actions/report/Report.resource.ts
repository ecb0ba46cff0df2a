import type { INodeProperties } from 'n8n-workflow';

import * as getCampaignStats from './getCampaignStats.operation';
import * as getCampaignSummaries from './getCampaignSummaries.operation';
import * as getContactActivityDetails from './getContactActivityDetails.operation';
import * as getContactActivitySummary from './getContactActivitySummary.operation';
import * as getTracking from './getTracking.operation';

export const operations = {
	getCampaignSummaries: { execute: getCampaignSummaries.execute },
	getCampaignStats: { execute: getCampaignStats.execute },
	getTracking: { execute: getTracking.execute },
	getContactActivitySummary: { execute: getContactActivitySummary.execute },
	getContactActivityDetails: { execute: getContactActivityDetails.execute },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get Campaign Stats',
				value: 'getCampaignStats',
				description: 'Get sends, opens, clicks, bounces and opt-outs of chosen campaigns or campaign activities',
				action: 'Get campaign stats',
			},
			{
				name: 'Get Campaign Summaries',
				value: 'getCampaignSummaries',
				description: 'Get the unique counts of every sent campaign, newest send first',
				action: 'Get campaign summaries',
			},
			{
				name: 'Get Campaign Tracking',
				value: 'getTracking',
				description: 'List the contacts a campaign was sent to, who opened, did not open, clicked, forwarded, opted out or bounced',
				action: 'Get campaign tracking',
			},
			{
				name: 'Get Contact Activity Details',
				value: 'getContactActivityDetails',
				description: "List a contact's sends, opens, clicks, bounces, opt-outs and forwards, newest first",
				action: 'Get contact activity details',
			},
			{
				name: 'Get Contact Activity Summary',
				value: 'getContactActivitySummary',
				description: 'Get, for each campaign sent to a contact, what the contact did with it',
				action: 'Get contact activity summary',
			},
		],
		default: 'getCampaignSummaries',
	},
	...getCampaignSummaries.description,
	...getCampaignStats.description,
	...getTracking.description,
	...getContactActivitySummary.description,
	...getContactActivityDetails.description,
];
