import type { IDataObject } from 'n8n-workflow';

/** The campaign's main activity: the one that gets content, recipients, tests and schedules. */
export function primaryEmailActivityId(campaign: IDataObject): string | undefined {
	const activities = Array.isArray(campaign.campaign_activities) ? (campaign.campaign_activities as IDataObject[]) : [];
	const primary = activities.find((a) => a.role === 'primary_email');
	return typeof primary?.campaign_activity_id === 'string' ? primary.campaign_activity_id : undefined;
}

/**
 * The simplified campaign (the node's Simplify option): at most 10 fields, the most used first, nested
 * ones flattened. `raw` is a campaign as `/emails` returns it, with the primary email activity under
 * `primary_email` when the operation read it.
 */
export function simplifyCampaign(raw: IDataObject): IDataObject {
	const activity = (raw.primary_email ?? undefined) as IDataObject | undefined;
	const out: IDataObject = {
		campaign_id: raw.campaign_id,
		name: raw.name,
		current_status: raw.current_status,
	};
	const primary = primaryEmailActivityId(raw) ?? activity?.campaign_activity_id;
	if (primary !== undefined) out.primary_email_activity_id = primary;
	if (activity) {
		out.subject = activity.subject;
		out.from_email = activity.from_email;
		out.contact_list_ids = activity.contact_list_ids ?? [];
		out.segment_ids = activity.segment_ids ?? [];
	}
	out.created_at = raw.created_at;
	out.updated_at = raw.updated_at;
	return out;
}
