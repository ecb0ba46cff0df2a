import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { reportContactId, reportContactLocator } from './contactReport';
import { on } from './shared';
import { checkedDateTime } from '../parameters';

const show = on(['getContactActivitySummary']);

/** Without a Start: this long before the End. */
export const DEFAULT_SUMMARY_DAYS = 365;

export const description: INodeProperties[] = [
	reportContactLocator(show),
	{
		displayName: 'Options',
		name: 'summaryOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'End', name: 'end', type: 'dateTime', default: '', description: 'Campaigns last sent to the contact up to this time (default: now)' },
			{
				displayName: 'Start',
				name: 'start',
				type: 'dateTime',
				default: '',
				description: `Campaigns last sent to the contact from this time (default: ${DEFAULT_SUMMARY_DAYS} days before the end)`,
			},
		],
	},
];

/**
 * `GET /reports/contact_reports/{contact}/activity_summary?start&end`: per campaign email sent to the
 * contact (the most recent 200, L5719-5721), what they did with it. One item per campaign email.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('summaryOptions', itemIndex, {}) as IDataObject;
	const end = checkedDateTime.call(this, 'End', options.end, itemIndex) ?? new Date().toISOString();
	const start = checkedDateTime.call(this, 'Start', options.start, itemIndex) ?? new Date(Date.parse(end) - DEFAULT_SUMMARY_DAYS * 24 * 3600_000).toISOString();
	if (Date.parse(start) >= Date.parse(end)) throw new NodeOperationError(this.getNode(), `Start: ${start} is not before End (${end})`, { itemIndex });
	const contactId = await reportContactId.call(this, itemIndex);
	const summary = (await constantContactRequest.call(this, {
		method: 'GET',
		path: `/reports/contact_reports/${encodeURIComponent(contactId)}/activity_summary`,
		qs: { start, end },
		itemIndex,
	})) as { campaign_activities?: IDataObject[] };
	return (summary.campaign_activities ?? []).map((activity) => ({ json: { contact_id: contactId, ...activity } }));
}
