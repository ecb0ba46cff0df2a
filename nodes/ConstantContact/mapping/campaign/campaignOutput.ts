import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { OutputMode, ResourceOutput } from '../common/output';

/** The campaign's main activity: the one that gets content, recipients, tests and schedules. */
export function primaryEmailActivityId(campaign: IDataObject): string | undefined {
	const activities = Array.isArray(campaign.campaign_activities) ? (campaign.campaign_activities as IDataObject[]) : [];
	const primary = activities.find((a) => a.role === 'primary_email');
	return typeof primary?.campaign_activity_id === 'string' ? primary.campaign_activity_id : undefined;
}

const object = (value: unknown): IDataObject | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined);
const orNull = (value: IDataObject[string]): IDataObject[string] => value ?? null;

/**
 * A simplified campaign: ten flat fields, the same keys for every campaign (null where Constant
 * Contact has no value, or where the primary email was not read: a deleted campaign's cannot be).
 * `raw` is a campaign as `/emails/{id}` returns it, with its primary email activity under
 * `primary_email` when the operation read it.
 */
export function simplifyCampaign(raw: IDataObject): IDataObject {
	const email = object(raw.primary_email);
	return {
		campaign_id: raw.campaign_id,
		name: orNull(raw.name),
		current_status: orNull(raw.current_status),
		primary_email_activity_id: primaryEmailActivityId(raw) ?? orNull(email?.campaign_activity_id),
		subject: orNull(email?.subject),
		from_email: orNull(email?.from_email),
		// Read and absent: no audience yet.
		contact_list_ids: email ? (email.contact_list_ids ?? []) : null,
		segment_ids: email ? (email.segment_ids ?? []) : null,
		created_at: orNull(raw.created_at),
		updated_at: orNull(raw.updated_at),
	};
}

/** What the UI says a simplified campaign holds. */
export const SIMPLE_CAMPAIGN_SUMMARY = 'ID, name, status, primary email activity ID, subject, from email, contact list and segment IDs, creation and last update';

/** A campaign as Constant Contact returns it (not an error item, not a delete's confirmation). */
export function isCampaignRecord(json: IDataObject): boolean {
	return typeof json.campaign_id === 'string' && typeof json.current_status === 'string';
}

export const CAMPAIGN_OUTPUT: ResourceOutput = { idFields: ['campaign_id'], simplify: simplifyCampaign, isRecord: isCampaignRecord };

/** What `GET /emails/activities/{id}` adds only when `include=` names it: the email's content. */
export const EMAIL_CONTENT_INCLUDE = ['html_content', 'physical_address_in_footer', 'permalink_url'];

/** The campaign's fields for "Selected Fields" (the campaign ID always comes too). */
export const CAMPAIGN_FIELD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Campaign Activities', value: 'campaign_activities', description: "The IDs and roles of the campaign's emails" },
	{ name: 'Created At', value: 'created_at' },
	{ name: 'Current Status', value: 'current_status' },
	{ name: 'Name', value: 'name' },
	{
		name: 'Primary Email',
		value: 'primary_email',
		description: 'The email itself: subject, senders, preheader, contact lists or segment, HTML and permalink (one more request)',
	},
	{ name: 'Type', value: 'type' },
	{ name: 'Type Code', value: 'type_code' },
	{ name: 'Updated At', value: 'updated_at' },
];

/**
 * Whether Get reads the primary email, and what `include=` it asks for: Simplified needs its subject,
 * sender and audience (no content); Raw what Include Email Content says; Selected Fields the whole
 * email when Primary Email is chosen. `undefined`: not read.
 */
export function campaignEmailInclude(mode: OutputMode, fields: string[], includeContent: boolean): string[] | undefined {
	if (mode === 'simple') return [];
	if (mode === 'raw') return includeContent ? EMAIL_CONTENT_INCLUDE : undefined;
	return fields.includes('primary_email') ? EMAIL_CONTENT_INCLUDE : undefined;
}
