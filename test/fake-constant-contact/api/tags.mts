// GET /contact_tags: cursor-paginated, limit up to 500.
import type { ApiResult } from '../errors.mts';
import { boolParam, limitParam, paginate, resolveCursor } from '../pagination.mts';
import type { ApiContext, Obj } from './context.mts';

export function listTags(ctx: ApiContext): ApiResult {
	const page = resolveCursor(ctx.query);
	const q = page.params;
	const limit = limitParam(q, 50, 500);
	const includeCount = boolParam(q, 'include_count');
	const contacts = [...ctx.core.state.contacts.values()].filter((c) => !c.deleted_at);
	const { page: items, links } = paginate([...ctx.core.state.tags.values()], page, limit, '/contact_tags');
	const body: Obj = {
		tags: items.map((t) => (includeCount ? { ...t, contacts_count: contacts.filter((c) => c.taggings.includes(t.tag_id)).length } : { ...t })),
	};
	if (links) body._links = links;
	return { status: 200, body };
}
