import type { EngagementSpec } from './engagement';

/** Contact Clicked: rows of the clicks report, one per click (a contact clicking two links is two events). */
export const contactClicked: EngagementSpec = {
	event: 'contactClicked',
	report: 'clicks',
	key: (row) => `${String(row.contact_id)}|${String(row.created_time)}|${String(row.url_id)}`,
};
