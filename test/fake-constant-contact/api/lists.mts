// GET /contact_lists: cursor-paginated, limit up to 1000 (the swagger's maximum; its text says 500).
import { validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { boolParam, limitParam, paginate, resolveCursor } from '../pagination.mts';
import type { ListRecord } from '../types.mts';
import { mailable } from './contacts.mts';
import type { ApiContext, Obj } from './context.mts';

export function listLists(ctx: ApiContext): ApiResult {
	const page = resolveCursor(ctx.query);
	const q = page.params;
	const limit = limitParam(q, 50, 1000);
	const includeCount = boolParam(q, 'include_count');
	const membership = q.include_membership_count;
	if (membership !== undefined && membership !== 'all' && membership !== 'active') throw validationError('include_membership_count does not have a valid value');
	const status = q.status ?? 'active';
	if (!['all', 'active', 'deleted'].includes(status)) throw validationError('status does not have a valid value');
	const contacts = [...ctx.core.state.contacts.values()];
	const matches = [...ctx.core.state.lists.values()].filter(
		(l) => (q.name === undefined || l.name === q.name) && (status === 'all' || (status === 'deleted') === Boolean(l.deleted_at)),
	);
	const render = (l: ListRecord): Obj => {
		const out: Obj = { ...l };
		if (membership) {
			const members = contacts.filter((c) => c.list_memberships.includes(l.list_id));
			out.membership_count = members.filter((c) => (membership === 'active' ? mailable(c) : !c.deleted_at)).length;
		}
		return out;
	};
	const { page: items, links } = paginate(matches, page, limit, '/contact_lists');
	const body: Obj = { lists: items.map(render) };
	if (includeCount) body.lists_count = matches.length;
	if (links) body._links = links;
	return { status: 200, body };
}
