// /account/emails: the account's email addresses, the only ones a campaign may be sent from (once
// CONFIRMED). One filter at a time (L366-367); `C` means CONFIRMED here (and CONTACT for role_code).
import { conflictError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import type { AccountEmailRecord } from '../types.mts';
import { bodyObject } from './contacts.mts';
import type { ApiContext } from './context.mts';

const STATUS: Record<string, string> = { CONFIRMED: 'CONFIRMED', C: 'CONFIRMED', UNCONFIRMED: 'UNCONFIRMED', U: 'UNCONFIRMED' };
const ROLE: Record<string, string> = { C: 'CONTACT', B: 'BILLING', J: 'JOURNALING', R: 'REPLY_TO', O: 'OTHER' };

export function listAccountEmails(ctx: ApiContext): ApiResult {
	const q = ctx.query;
	const filters = ['confirm_status', 'role_code', 'email_address'].filter((k) => q[k] !== undefined);
	if (filters.length > 1) throw validationError('This method only supports one query parameter at a time.');
	const matches = ctx.core.state.accountEmails.filter((e: AccountEmailRecord) => {
		if (q.confirm_status !== undefined) return e.confirm_status === STATUS[q.confirm_status];
		if (q.role_code !== undefined) return e.roles.includes(ROLE[q.role_code] ?? q.role_code);
		if (q.email_address !== undefined) return e.email_address.toLowerCase() === q.email_address.toLowerCase();
		return true;
	});
	return { status: 200, body: matches.map((e) => ({ ...e, roles: [...e.roles], pending_roles: [...e.pending_roles] })) };
}

/** A new address is UNCONFIRMED until someone clicks the link Constant Contact emails to it (L443-448). */
export function addAccountEmail(ctx: ApiContext): ApiResult {
	const address = String(bodyObject(ctx).email_address ?? '').trim();
	if (!address) throw validationError('email_address is required');
	const state = ctx.core.state;
	if (state.accountEmails.some((e) => e.email_address.toLowerCase() === address.toLowerCase())) throw conflictError(`${address} already exists in the account`);
	const rec: AccountEmailRecord = {
		email_address: address,
		email_id: Math.max(0, ...state.accountEmails.map((e) => e.email_id)) + 1,
		confirm_status: 'UNCONFIRMED',
		roles: [],
		pending_roles: ['OTHER'],
	};
	state.accountEmails.push(rec);
	return { status: 201, body: { email_address: rec.email_address, email_id: rec.email_id, confirm_status: rec.confirm_status } };
}
