import type { IDataObject } from 'n8n-workflow';

/**
 * PUT /emails/activities/{id} "overwrites any properties that are missing in the request body" but
 * keeps omitted subresources (`physical_address_in_footer`, `document_properties`, `html_content`,
 * `permalink_url`; swagger L4626-4631). So the stored activity's top-level properties are sent back
 * with the changes, subresources only when they change, and read-only properties never.
 */
const TOP_LEVEL = ['contact_list_ids', 'segment_ids', 'from_email', 'from_name', 'reply_to_email', 'subject', 'preheader', 'document_id'] as const;

export interface ActivityChanges {
	from_email?: string;
	from_name?: string;
	reply_to_email?: string;
	subject?: string;
	preheader?: string;
	html_content?: string;
	audience?: Audience;
}

/** Who the campaign goes to: contact lists, or one segment (never both, L14323-14340). */
export type Audience = { contact_list_ids: string[] } | { segment_id: number };

export interface AudienceInput {
	listIds: string[];
	segment?: string | number;
}

/** The audience the user chose, or undefined when none; problems name the fields and the fix. */
export function audienceFrom(input: AudienceInput): { audience?: Audience; problems: string[] } {
	const lists = [...new Set(input.listIds.map((id) => String(id).trim()).filter(Boolean))];
	const segmentText = input.segment === undefined || input.segment === null ? '' : String(input.segment).trim();
	if (lists.length && segmentText) {
		return {
			problems: [
				'Audience: both Contact Lists and a Segment given; a campaign goes to contact lists or to one segment, never both. Remove one of them',
			],
		};
	}
	if (segmentText) {
		// Segment ids are integers (SegmentMaster.segment_id, int32).
		if (!/^\d+$/.test(segmentText)) return { problems: [`Segment: "${segmentText}" is not a segment ID (a whole number); pick the segment from the list`] };
		return { audience: { segment_id: Number(segmentText) }, problems: [] };
	}
	return lists.length ? { audience: { contact_list_ids: lists }, problems: [] } : { problems: [] };
}

/** The PUT body: what is stored, with the changes; `changed` is false when the PUT would change nothing. */
export function mergeActivity(stored: IDataObject, changes: ActivityChanges): { body: IDataObject; changed: boolean } {
	const body: IDataObject = {};
	for (const key of TOP_LEVEL) if (stored[key] !== undefined && stored[key] !== null) body[key] = stored[key];
	for (const key of ['from_email', 'from_name', 'reply_to_email', 'subject', 'preheader'] as const) {
		if (changes[key] !== undefined) body[key] = changes[key];
	}
	if (changes.audience) {
		delete body.contact_list_ids;
		delete body.segment_ids;
		if ('segment_id' in changes.audience) body.segment_ids = [changes.audience.segment_id];
		else body.contact_list_ids = [...changes.audience.contact_list_ids];
	}
	if (changes.html_content !== undefined) body.html_content = changes.html_content;
	const changed =
		TOP_LEVEL.some((key) => JSON.stringify(body[key]) !== JSON.stringify(stored[key] ?? undefined)) ||
		(changes.html_content !== undefined && changes.html_content !== stored.html_content);
	return { body, changed };
}

export function hasAudience(activity: IDataObject): boolean {
	const lists = activity.contact_list_ids;
	const segments = activity.segment_ids;
	return (Array.isArray(lists) && lists.length > 0) || (Array.isArray(segments) && segments.length > 0);
}
