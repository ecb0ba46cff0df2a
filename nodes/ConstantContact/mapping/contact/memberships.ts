import { idProblem } from '../common/ids';

export type MembershipKind = 'lists' | 'tags';

/** Constant Contact's bulk membership and tagging activities: at most this many lists or tags per request. */
export const MAX_TARGETS = 50;

export const membershipLabel = (kind: MembershipKind) => (kind === 'lists' ? 'Lists' : 'Tags');

/** Problems with the lists or tags one item names (1 to 50 IDs), empty when they can be sent. */
export function targetProblems(kind: MembershipKind, ids: readonly string[]): string[] {
	const label = membershipLabel(kind);
	if (ids.length === 0) return [`${label}: none given; choose at least one`];
	if (ids.length > MAX_TARGETS) return [`${label}: ${ids.length} given; Constant Contact allows at most ${MAX_TARGETS} per request`];
	const bad = idProblem(label, kind === 'lists' ? 'list' : 'tag', ids);
	return bad ? [bad] : [];
}

/** The body of `add_list_memberships`, `remove_list_memberships`, `contacts_taggings_add` or `_remove`. */
export function activityBody(kind: MembershipKind, contactIds: string[], targets: string[]): Record<string, unknown> {
	return kind === 'lists' ? { source: { contact_ids: contactIds }, list_ids: targets } : { source: { contact_ids: contactIds }, tag_ids: targets };
}
