// GET /contact_custom_fields: cursor-paginated, limit up to 100; select types carry their choices.
import type { ApiResult } from '../errors.mts';
import { limitParam, paginate, resolveCursor } from '../pagination.mts';
import type { ApiContext, Obj } from './context.mts';

export function listCustomFields(ctx: ApiContext): ApiResult {
	const page = resolveCursor(ctx.query);
	const limit = limitParam(page.params, 50, 100);
	const { page: items, links } = paginate([...ctx.core.state.customFields.values()], page, limit, '/contact_custom_fields');
	const body: Obj = { custom_fields: items.map((f) => structuredClone(f)) };
	if (links) body._links = links;
	return { status: 200, body };
}
