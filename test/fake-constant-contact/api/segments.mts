// /segments: integer ids, unique names (409), criteria as a single escaped JSON string (validated as
// JSON here, L2297-2308). Deleted segments leave GET /segments but GET /segments/{id} still shows them.
import { conflictError, notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { paginate, resolveCursor } from '../pagination.mts';
import { nowIso } from '../state.mts';
import type { FakeState } from '../state.mts';
import type { SegmentRecord } from '../types.mts';
import { bodyObject } from './contacts.mts';
import type { ApiContext, Obj } from './context.mts';

const master = (s: SegmentRecord): Obj => ({ name: s.name, segment_id: s.segment_id, created_at: s.created_at, edited_at: s.edited_at });
const detail = (s: SegmentRecord): Obj => ({ ...master(s), segment_criteria: s.segment_criteria });

function findSegment(ctx: ApiContext, allowDeleted = false): SegmentRecord {
	const s = ctx.core.state.segments.get(Number(ctx.params.segment_id));
	if (!s || (s.deleted && !allowDeleted)) throw notFoundError(`Segment ${ctx.params.segment_id} not found`);
	return s;
}

function checkName(state: FakeState, name: string, self?: SegmentRecord): string {
	const trimmed = name.trim();
	if (!trimmed) throw validationError('name must not be empty');
	for (const s of state.segments.values()) if (s !== self && !s.deleted && s.name.toLowerCase() === trimmed.toLowerCase()) throw conflictError(`A segment named ${trimmed} already exists`);
	return trimmed;
}

function checkCriteria(criteria: string): string {
	let parsed: unknown;
	try {
		parsed = JSON.parse(criteria);
	} catch {
		throw validationError('segment_criteria must be valid single-string escaped JSON');
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw validationError('segment_criteria must be a JSON object');
	return criteria;
}

export function listSegments(ctx: ApiContext): ApiResult {
	const page = resolveCursor(ctx.query);
	const q = page.params;
	const raw = q.limit ?? '1000';
	if (!/^\d+$/.test(raw) || Number(raw) < 1) throw validationError('limit does not have a valid value');
	const sortBy = q.sort_by ?? 'date';
	if (sortBy !== 'date' && sortBy !== 'name') throw validationError('sort_by does not have a valid value; use name or date');
	// By name ascending, or by date with the most recently updated first (L2253-2261).
	const segments = [...ctx.core.state.segments.values()]
		.filter((s) => !s.deleted)
		.sort((a, b) => (sortBy === 'name' ? a.name.localeCompare(b.name) : Date.parse(b.edited_at) - Date.parse(a.edited_at) || b.segment_id - a.segment_id));
	const { page: items, links } = paginate(segments, page, Number(raw), '/segments');
	const body: Obj = { segments: items.map(master) };
	if (links) body._links = links;
	return { status: 200, body };
}

export function createSegment(ctx: ApiContext): ApiResult {
	const body = bodyObject(ctx);
	const name = checkName(ctx.core.state, String(body.name));
	const at = nowIso();
	const s: SegmentRecord = {
		segment_id: ctx.core.state.nextSegmentId++,
		name,
		segment_criteria: checkCriteria(String(body.segment_criteria)),
		created_at: at,
		edited_at: at,
		deleted: false,
	};
	ctx.core.state.segments.set(s.segment_id, s);
	return { status: 201, body: detail(s) };
}

export function getSegment(ctx: ApiContext): ApiResult {
	return { status: 200, body: detail(findSegment(ctx, true)) };
}

/** PUT needs both name and segment_criteria (L2402-2404; the contract's SegmentData requires both). */
export function updateSegment(ctx: ApiContext): ApiResult {
	const s = findSegment(ctx);
	const body = bodyObject(ctx);
	s.name = checkName(ctx.core.state, String(body.name), s);
	s.segment_criteria = checkCriteria(String(body.segment_criteria));
	s.edited_at = nowIso();
	return { status: 200, body: detail(s) };
}

export function renameSegment(ctx: ApiContext): ApiResult {
	const s = findSegment(ctx);
	s.name = checkName(ctx.core.state, String(bodyObject(ctx).name), s);
	s.edited_at = nowIso();
	return { status: 200, body: detail(s) };
}

export function deleteSegment(ctx: ApiContext): ApiResult {
	const s = findSegment(ctx);
	s.deleted = true;
	s.edited_at = nowIso();
	return { status: 204 };
}
