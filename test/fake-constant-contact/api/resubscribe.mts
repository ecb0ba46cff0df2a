// PUT /contacts/resubscribe/{contact_id}: sends the one-time confirmation email (recorded here) to an
// unsubscribed contact; the lists apply once the contact confirms, which tests do with confirmResubscribe.
// Unconfirmed in Constant Contact's documents: the status codes for "not unsubscribed" (400 here) and
// for a second request (409 here).
import { conflictError, notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import type { FakeState } from '../state.mts';
import { nowIso, setPermission } from '../state.mts';
import { bodyObject } from './contacts.mts';
import type { ApiContext } from './context.mts';

/** Per account: contacts sent a resubscribe email, and the lists they asked for. */
const sent = new WeakMap<FakeState, Map<string, string[]>>();

export function resubscribeRequests(state: FakeState): Map<string, string[]> {
	let m = sent.get(state);
	if (!m) {
		m = new Map();
		sent.set(state, m);
	}
	return m;
}

/** What the contact's click on the confirmation link does: explicit permission, the requested lists. */
export function confirmResubscribe(state: FakeState, contactId: string): void {
	const lists = resubscribeRequests(state).get(contactId);
	const c = state.contacts.get(contactId);
	if (!lists || !c) throw new Error(`confirmResubscribe: no resubscribe email was sent to ${contactId}`);
	const at = nowIso();
	setPermission(c.email_address, 'explicit', 'Contact', at);
	c.list_memberships = [...new Set([...c.list_memberships, ...lists])];
	c.updated_at = at;
}

export function resubscribeContact(ctx: ApiContext): ApiResult {
	const body = bodyObject(ctx);
	const c = ctx.core.state.contacts.get(ctx.params.contact_id!);
	if (!c || c.deleted_at) throw notFoundError(`Contact ${ctx.params.contact_id} not found`);
	const lists = Array.isArray(body.list_ids) ? body.list_ids.map(String) : [];
	if (lists.length < 1 || lists.length > 50) throw validationError(`#/list_ids: expected between 1 and 50 items, found: ${lists.length}`);
	const unknown = lists.filter((id) => !ctx.core.state.lists.has(id));
	if (unknown.length) throw validationError(unknown.map((id) => `#/list_ids: list ${id} does not exist`));
	if (c.email_address.permission_to_send !== 'unsubscribed') throw validationError('The contact is not unsubscribed.');
	const requests = resubscribeRequests(ctx.core.state);
	if (requests.has(c.contact_id)) throw conflictError('A resubscribe email was already sent to this contact.');
	requests.set(c.contact_id, lists);
	c.email_address.confirm_status = 'pending';
	return { status: 200 };
}
