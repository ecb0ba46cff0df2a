// Bulk list-membership and tagging activities (add_list_memberships, remove_list_memberships,
// contacts_taggings_add, contacts_taggings_remove) with `source.contact_ids` (≤500) as the source:
// initialized -> processing -> completed, each step lasting options.importStepMs, applied on completion.
// Other sources (list_ids, all_active_contacts, ...) are not modelled and answer 400.
import type { FakeCore } from '../core.mts';
import { notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { nowIso } from '../state.mts';
import type { ActivityRecord, ContactRecord } from '../types.mts';
import { bodyObject } from './contacts.mts';
import { isObj } from './context.mts';
import type { ApiContext, Obj } from './context.mts';
import { queueFull, startActivity } from './activityQueue.mts';

const MAX_CONTACTS = 500;
const MAX_TARGETS = 50;
const MAX_LISTS_PER_CONTACT = 50;
const MAX_TAGS_PER_CONTACT = 50;

type Kind = 'lists' | 'tags';

function parse(ctx: ApiContext, kind: Kind): { contactIds: string[]; targets: string[] } {
	const body = bodyObject(ctx);
	const errors: string[] = [];
	const source = body.source;
	const targetKey = kind === 'lists' ? 'list_ids' : 'tag_ids';
	const targets = body[targetKey];
	let contactIds: string[] = [];
	if (!isObj(source)) errors.push('#: required key [source] not found');
	else {
		const keys = Object.keys(source);
		if (keys.length !== 1 || !Array.isArray(source.contact_ids)) errors.push('#/source: this fake supports only contact_ids as the source');
		else if (source.contact_ids.length < 1 || source.contact_ids.length > MAX_CONTACTS) {
			errors.push(`#/source/contact_ids: expected between 1 and ${MAX_CONTACTS} items, found: ${source.contact_ids.length}`);
		} else contactIds = (source.contact_ids as unknown[]).map(String);
	}
	if (!Array.isArray(targets)) errors.push(`#: required key [${targetKey}] not found`);
	else if (targets.length < 1 || targets.length > MAX_TARGETS) errors.push(`#/${targetKey}: expected between 1 and ${MAX_TARGETS} items, found: ${targets.length}`);
	if (errors.length) throw validationError(errors);
	const ids = (targets as unknown[]).map(String);
	const known = kind === 'lists' ? ctx.core.state.lists : ctx.core.state.tags;
	const missing = ids.filter((id) => !known.has(id));
	if (missing.length) {
		if (kind === 'tags') throw notFoundError(`Tag ${missing[0]} not found`);
		throw validationError(missing.map((id) => `#/list_ids: list ${id} does not exist`));
	}
	return { contactIds, targets: ids };
}

function apply(core: FakeCore, act: ActivityRecord, kind: Kind, add: boolean, contactIds: string[], targets: string[]): void {
	const at = nowIso();
	for (const id of contactIds) {
		const c: ContactRecord | undefined = core.state.contacts.get(id);
		act.status.items_completed_count++;
		if (!c || c.deleted_at) {
			act.status.error_count++;
			act.activity_errors.push(`Contact ${id} not found`);
			continue;
		}
		const key = kind === 'lists' ? 'list_memberships' : 'taggings';
		const before = c[key];
		let next = add ? [...new Set([...before, ...targets])] : before.filter((t) => !targets.includes(t));
		const max = kind === 'lists' ? MAX_LISTS_PER_CONTACT : MAX_TAGS_PER_CONTACT;
		if (next.length > max) {
			act.status.cannot_add_to_list_count++;
			next = before;
		}
		if (next.length !== before.length || next.some((t, i) => t !== before[i])) {
			c[key] = next;
			c.updated_at = at;
		}
		act.status.person_count++;
	}
}

function createActivity(ctx: ApiContext, kind: Kind, add: boolean): ApiResult {
	const { contactIds, targets } = parse(ctx, kind);
	const { state } = ctx.core;
	const full = queueFull(state);
	if (full) return full;
	const act = startActivity(
		ctx.core,
		{ itemsTotal: contactIds.length, listIds: kind === 'lists' ? targets : [], importData: [] },
		(done) => apply(ctx.core, done, kind, add, contactIds, targets),
	);
	const body: Obj = {
		activity_id: act.activity_id,
		state: act.state,
		created_at: act.created_at,
		updated_at: act.updated_at,
		percent_done: 0,
		activity_errors: [],
		// ActivityListsMembership's status has list_count; ActivityTagging's (ActivityTaggingStatus) does not.
		status: kind === 'lists' ? { items_total_count: contactIds.length, items_completed_count: 0, list_count: targets.length } : { items_total_count: contactIds.length, items_completed_count: 0 },
		_links: { self: { href: `/v3/activities/${act.activity_id}` } },
	};
	return { status: 201, body };
}

export const addListMemberships = (ctx: ApiContext): ApiResult => createActivity(ctx, 'lists', true);
export const removeListMemberships = (ctx: ApiContext): ApiResult => createActivity(ctx, 'lists', false);
export const addTaggings = (ctx: ApiContext): ApiResult => createActivity(ctx, 'tags', true);
export const removeTaggings = (ctx: ApiContext): ApiResult => createActivity(ctx, 'tags', false);
