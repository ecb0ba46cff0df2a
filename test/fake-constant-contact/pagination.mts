// Cursor pagination as Constant Contact does it: the cursor is an opaque base64 of the original
// query plus the next position, and `_links.next.href` is a PATH that already starts with /v3/.
import { validationError } from './errors.mts';

export interface PageRequest {
	/** The effective query: the request's own, or the one saved in the cursor. */
	params: Record<string, string>;
	offset: number;
}

export function resolveCursor(query: Record<string, string>): PageRequest {
	const cursor = query.cursor;
	if (cursor === undefined) return { params: query, offset: 0 };
	const saved = new URLSearchParams(Buffer.from(cursor, 'base64url').toString('utf8'));
	const next = Number(saved.get('next'));
	if (!saved.has('next') || !Number.isInteger(next) || next < 0) throw validationError('cursor does not have a valid value');
	saved.delete('next');
	return { params: Object.fromEntries(saved), offset: next };
}

export function paginate<T>(items: T[], req: PageRequest, limit: number, apiPath: string): { page: T[]; links?: { next: { href: string } } } {
	const page = items.slice(req.offset, req.offset + limit);
	const nextOffset = req.offset + limit;
	if (nextOffset >= items.length) return { page };
	const saved = new URLSearchParams(req.params);
	saved.delete('cursor');
	saved.set('limit', String(limit));
	saved.set('next', String(nextOffset));
	const cursor = Buffer.from(saved.toString(), 'utf8').toString('base64url');
	return { page, links: { next: { href: `/v3${apiPath}?cursor=${cursor}` } } };
}

/** Parses `limit` within [1, max]; the contract already checked it when enabled. */
export function limitParam(params: Record<string, string>, def: number, max: number): number {
	const raw = params.limit;
	if (raw === undefined) return def;
	const n = Number(raw);
	if (!/^\d+$/.test(raw) || n < 1 || n > max) throw validationError(`limit does not have a valid value; it must be between 1 and ${max}`);
	return n;
}

export function boolParam(params: Record<string, string>, name: string): boolean {
	const raw = params[name];
	if (raw === undefined || raw === 'false') return false;
	if (raw === 'true') return true;
	throw validationError(`${name} does not have a valid value`);
}
