import type { EngagementSpec } from './engagement';
import { keyPart } from './position';

/** Contact Clicked: rows of the clicks report, one per click (a contact clicking two links is two events). */
export const contactClicked: EngagementSpec = {
	event: 'contactClicked',
	report: 'clicks',
	key: (row) => `${keyPart(row.contact_id)}|${keyPart(row.created_time)}|${keyPart(row.url_id)}`,
};
