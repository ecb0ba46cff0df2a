import type { EngagementSpec } from './engagement';
import { keyPart } from './position';

/** Contact Opted Out: rows of the opt-outs report (the contact unsubscribed through the email, with a reason). */
export const contactOptedOut: EngagementSpec = {
	event: 'contactOptedOut',
	report: 'optouts',
	key: (row) => `${keyPart(row.contact_id)}|${keyPart(row.created_time)}`,
};
