import type { INodeProperties } from 'n8n-workflow';

import { STATS_OUTPUT, SUMMARY_OUTPUT, TRACKING_OUTPUT } from '../../mapping/report/reportOutput';
import { withOutput } from '../output';
import * as getCampaignStats from './getCampaignStats.operation';
import * as getCampaignSummaries from './getCampaignSummaries.operation';
import * as getContactActivityDetails from './getContactActivityDetails.operation';
import * as getContactActivitySummary from './getContactActivitySummary.operation';
import * as getTracking from './getTracking.operation';

/** The campaign reports (more than 10 fields a row) offer "Output"; the contact reports' rows are short. */
export const operations = {
	getCampaignSummaries: { execute: withOutput(getCampaignSummaries.execute, SUMMARY_OUTPUT, 'output') },
	getCampaignStats: { execute: withOutput(getCampaignStats.execute, STATS_OUTPUT, 'output') },
	getTracking: { execute: withOutput(getTracking.execute, TRACKING_OUTPUT, 'output') },
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
				description: 'Retrieve the sends, opens, clicks, bounces and opt-outs of chosen campaigns or campaign activities',
				action: 'Get a campaign stats report',
			},
			{
				name: 'Get Campaign Summaries',
				value: 'getCampaignSummaries',
				description: 'Retrieve the unique counts of every sent campaign, newest send first',
				action: 'Get the campaigns summary report',
			},
			{
				name: 'Get Campaign Tracking',
				value: 'getTracking',
				description: 'Retrieve the contacts a campaign was sent to, who opened, did not open, clicked, forwarded, opted out or bounced',
				action: 'Get a campaign tracking report',
			},
			{
				name: 'Get Contact Activity Details',
				value: 'getContactActivityDetails',
				description: "Retrieve a contact's sends, opens, clicks, bounces, opt-outs and forwards, newest first",
				action: 'Get a contact activity details report',
			},
			{
				name: 'Get Contact Activity Summary',
				value: 'getContactActivitySummary',
				description: 'Retrieve, for each campaign sent to a contact, what the contact did with it',
				action: 'Get a contact activity summary report',
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
