import type { INodeProperties } from 'n8n-workflow';

import { campaignLocator } from '../../descriptions/campaign.description';
import { simplifyField } from '../../descriptions/output.description';
import { CAMPAIGN_OUTPUT, SIMPLE_CAMPAIGN_SUMMARY } from '../../mapping/campaign/campaignOutput';
import { withOutput } from '../output';
import * as cancelResend from './cancelResend.operation';
import * as create from './create.operation';
import * as createResend from './createResend.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getResend from './getResend.operation';
import * as getSchedule from './getSchedule.operation';
import * as getSendHistory from './getSendHistory.operation';
import { on } from './locate';
import * as schedule from './schedule.operation';
import * as sendTest from './sendTest.operation';
import * as unschedule from './unschedule.operation';
import * as update from './update.operation';

/** Create and Update shape the campaign by "Simplify", Get by "Output"; the rest output at most 10 fields. */
export const operations = {
	create: { execute: withOutput(create.execute, CAMPAIGN_OUTPUT, 'simple') },
	get: { execute: withOutput(get.execute, CAMPAIGN_OUTPUT, 'output') },
	getAll: { execute: getAll.execute },
	update: { execute: withOutput(update.execute, CAMPAIGN_OUTPUT, 'simple') },
	delete: { execute: deleteOperation.execute },
	sendTest: { execute: sendTest.execute },
	schedule: { execute: schedule.execute },
	unschedule: { execute: unschedule.execute },
	getSchedule: { execute: getSchedule.execute },
	getSendHistory: { execute: getSendHistory.execute },
	createResend: { execute: createResend.execute },
	getResend: { execute: getResend.execute },
	cancelResend: { execute: cancelResend.execute },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{
				name: 'Cancel Resend',
				value: 'cancelResend',
				description: "Cancel a campaign's resend to contacts who did not open it, before it goes out",
				action: 'Cancel a campaign resend to non openers',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a new campaign: a draft custom code email from your HTML, optionally with its audience',
				action: 'Create a campaign',
			},
			{
				name: 'Create Resend',
				value: 'createResend',
				description: 'Resend a campaign, after a delay and with a new subject, to the contacts who did not open it',
				action: 'Create a campaign resend to non openers',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a campaign that is not scheduled (Constant Contact keeps it as Removed)',
				action: 'Delete a campaign',
			},
			{ name: 'Get', value: 'get', description: "Retrieve a campaign with its email's subject, sender and audience (or its content)", action: 'Get a campaign' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Retrieve a list of campaigns by status or by when they last changed',
				action: 'Get many campaigns',
			},
			{
				name: 'Get Resend',
				value: 'getResend',
				description: "Get a campaign's resend to non-openers, if it has one: subject, delay and status",
				action: 'Get a campaign resend to non openers',
			},
			{
				name: 'Get Schedule',
				value: 'getSchedule',
				description: 'Get when a campaign is scheduled to be sent, if it is',
				action: 'Get a campaign schedule',
			},
			{
				name: 'Get Send History',
				value: 'getSendHistory',
				description: 'Get each time a campaign was sent: when, to how many contacts, and the outcome',
				action: 'Get a campaign send history',
			},
			{
				name: 'Schedule',
				value: 'schedule',
				description: 'Send a campaign to its audience at a date and time, or now',
				action: 'Schedule a campaign',
			},
			{
				name: 'Send Test',
				value: 'sendTest',
				description: 'Email a test of a campaign to up to 5 addresses',
				action: 'Send a test of a campaign',
			},
			{
				name: 'Unschedule',
				value: 'unschedule',
				description: 'Cancel a scheduled send; the campaign goes back to how it was',
				action: 'Unschedule a campaign',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Rename a campaign or change its email's subject, senders, preheader, HTML or audience; other fields are kept",
				action: 'Update a campaign',
			},
		],
		default: 'create',
	},
	campaignLocator(on(['get', 'update', 'delete', 'sendTest', 'schedule', 'unschedule', 'getSchedule', 'getSendHistory', 'createResend', 'getResend', 'cancelResend'])),
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteOperation.description,
	...sendTest.description,
	...schedule.description,
	...unschedule.description,
	...getSchedule.description,
	...getSendHistory.description,
	...createResend.description,
	...getResend.description,
	...cancelResend.description,
	{ ...simplifyField(on(['create', 'update'])), hint: `Simplified: ${SIMPLE_CAMPAIGN_SUMMARY}` },
];
