import type { EngagementSpec } from './engagement';
import { keyPart } from './position';

/** Contact Bounced: rows of the bounces report (`bounce_code` B, D, F, S, V, X or Z). */
export const contactBounced: EngagementSpec = {
	event: 'contactBounced',
	report: 'bounces',
	key: (row) => `${keyPart(row.contact_id)}|${keyPart(row.created_time)}|${keyPart(row.bounce_code)}`,
};
