import type { EngagementSpec } from './engagement';

/** Contact Bounced: rows of the bounces report (`bounce_code` B, D, F, S, V, X or Z). */
export const contactBounced: EngagementSpec = {
	event: 'contactBounced',
	report: 'bounces',
	key: (row) => `${String(row.contact_id)}|${String(row.created_time)}|${String(row.bounce_code)}`,
};
