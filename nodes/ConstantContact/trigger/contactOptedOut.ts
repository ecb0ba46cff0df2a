import type { EngagementSpec } from './engagement';

/** Contact Opted Out: rows of the opt-outs report (the contact unsubscribed through the email, with a reason). */
export const contactOptedOut: EngagementSpec = {
	event: 'contactOptedOut',
	report: 'optouts',
	key: (row) => `${String(row.contact_id)}|${String(row.created_time)}`,
};
