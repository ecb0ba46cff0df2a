import type { MergeResult } from './merge';
import type { ContactResource } from './types';

export type PermissionChange = 'explicit' | 'implicit' | 'unsubscribed';

export interface ContactChangeOptions {
	/** A new email address (case-insensitively different from the stored one), else the stored one stays. */
	email?: string;
	/** Only when the user chose one: otherwise the stored permission goes back unchanged. */
	permission?: PermissionChange;
	/** Recorded with an unsubscribe (at most 255 characters). */
	optOutReason?: string;
	/** Who made the change: `Account` (default) or `Contact` (the person's own request); an unsubscribe records it as its source. */
	updateSource?: 'Account' | 'Contact';
}

export const OPT_OUT_REASON_LENGTH = 255;

/**
 * Applies the changes only Update makes to a merged `PUT /contacts/{id}` body: a new email address,
 * and a permission change the user asked for explicitly (with the unsubscribe's reason and source).
 * Returns the problems that would make Constant Contact refuse it.
 */
export function applyContactChanges(stored: ContactResource, merge: MergeResult, options: ContactChangeOptions): string[] {
	const problems: string[] = [];
	const body = merge.body;
	const storedEmail = stored.email_address;
	const address = storedEmail?.address ?? options.email ?? '';
	body.email_address = { ...(body.email_address ?? { address }), address: body.email_address?.address ?? address };
	if (options.email && options.email.toLowerCase() !== address.toLowerCase()) {
		body.email_address.address = options.email;
		merge.changes.push('email_address');
	}
	if (options.updateSource) body.update_source = options.updateSource;
	const current = storedEmail?.permission_to_send;
	if (current === 'unsubscribed' && options.permission && options.permission !== 'unsubscribed' && options.updateSource !== 'Contact') {
		// Consent: only the person's own request brings back someone who unsubscribed.
		problems.push(
			`Permission to Send: ${address} unsubscribed, and only their own request can re-subscribe them. If they asked, set Changed By to Contact; otherwise use the Resubscribe operation (Constant Contact emails them to confirm)`,
		);
		return problems;
	}
	if (options.permission && options.permission !== current) {
		body.email_address.permission_to_send = options.permission;
		merge.changes.push('permission_to_send');
	}
	const reason = options.optOutReason?.trim();
	if (reason) {
		if ((options.permission ?? current) !== 'unsubscribed') {
			problems.push('Unsubscribe Reason: only recorded when the contact is unsubscribed (set Permission to Send to Unsubscribed)');
		} else if (reason.length > OPT_OUT_REASON_LENGTH) {
			problems.push(`Unsubscribe Reason: ${reason.length} characters; Constant Contact allows at most ${OPT_OUT_REASON_LENGTH}`);
		} else {
			(body.email_address as Record<string, unknown>).opt_out_reason = reason;
			if (reason !== storedEmail?.opt_out_reason) merge.changes.push('opt_out_reason');
		}
	}
	merge.changed = merge.changes.length > 0;
	return problems;
}
