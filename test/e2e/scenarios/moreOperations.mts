// Issue 24's further operations in a real n8n (full suite), each a small imported workflow run with
// `n8n execute`, asserted on the node's output and on the fake's state and request log:
// - Tag → Get (with its contact count), Update (a new name).
// - Custom Field → Get, Update (label and choices: a kept choice keeps its ID and the contacts who
//   chose it), Delete (its values leave the contacts), Delete Many (`POST /activities/custom_fields_delete`).
// - List → Delete Many (`POST /activities/list_delete`: the lists go, their members stay).
// - Segment → Update (name and criteria, `PUT /segments/{id}` with both).
// - Campaign → Create Resend, Get Resend, Cancel Resend on a scheduled campaign (resend to non-openers).
// - Contact → Delete with several items: one `POST /activities/contact_delete` for every contact found,
//   no `DELETE /contacts/{id}`, an address not in the account its own error item (Continue On Fail).
// - Contact → Export: the CSV file streamed through n8n's own HTTP helpers (encoding: stream), one item
//   per contact, equal to the fake's contacts (names with commas, quotes, line breaks, non-ASCII).
// The account's objects the workflows name by ID are seeded when the workflows are built (their IDs go
// into the imported workflows); the contacts are seeded when the step runs. Names and emails are
// unique to this file (`E2E More …`, `e2e-more-…`); none is on the lists the other scenarios use.
import { newCampaign } from '../../fake-constant-contact/campaignLifecycle.mts';
import type { ContactRecord, CustomFieldRecord, ListRecord, RequestLogEntry, SegmentRecord, TagRecord } from '../../fake-constant-contact/server.mts';
import type { FakeState } from '../../fake-constant-contact/state.mts';
import { OWNER_EMAIL } from '../../fake-constant-contact/state.mts';
import type { Ctx } from '../lib/context.mts';
import { execute, summarize } from '../lib/context.mts';
import { check, checkEqual, log } from '../lib/log.mts';
import type { NodeRunItem } from '../lib/n8n.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { CC_NODE, CREDENTIAL_TYPE, workflow } from '../lib/workflows.mts';

const TAGS_ID = 'e2eMoreTags';
const FIELDS_ID = 'e2eMoreFields';
const FIELDS_BULK_ID = 'e2eMoreFieldsBulk';
const LISTS_BULK_ID = 'e2eMoreListsBulk';
const SEGMENT_ID = 'e2eMoreSegment';
const RESEND_ID = 'e2eMoreResend';
const DELETE_ID = 'e2eMoreDelete';
const EXPORT_ID = 'e2eMoreExport';

const TAG_NAME = 'E2E More VIP';
const TAG_RENAMED = 'E2E More VIP Customers';
const SHIRT_LABEL = 'E2E More Shirt Size';
const SHIRT_RELABEL = 'E2E More T-Shirt Size';
const SEGMENT_NAME = 'E2E More Openers';
const SEGMENT_RENAMED = 'E2E More Recent Openers';
const SEGMENT_CRITERIA = { version: '1.0.0', criteria: { type: 'and', group: [{ source: 'tracking', field: 'opened', op: 'contains-any', const_value: 'last-n-campaigns', param: '3' }] } };
const CAMPAIGN_NAME = 'E2E More Resend';
const RESEND_SUBJECT = 'In case you missed it: E2E More news';

// Contact → Delete: three contacts in the account (one unsubscribed) and an address that is not.
const TO_DELETE = ['e2e-more-delete-1@example.com', 'e2e-more-delete-2@example.com', 'e2e-more-delete-3@example.com'];
const MISSING = 'e2e-more-delete-missing@example.com';
const DELETE_ITEMS = [{ email: TO_DELETE[0]! }, { email: MISSING }, { email: TO_DELETE[1]! }, { email: TO_DELETE[2]! }];

// Contact → Export: enough contacts that the file (about 60 KB) arrives in several pieces, with names the
// CSV must quote and characters of 2, 3 and 4 bytes that a piece may split.
const EXPORT_CONTACTS = 300;
const FIRST_NAMES = ['Zoë', "O'Brien, Jr.", 'Ana "Nana"', 'Łukasz', '李', 'Line\nBreak', 'Ελένη', 'Smile 😀', 'Plain'];
const LAST_NAMES = ['Müller', 'Ng', 'Smith, PhD', 'Ærø', '', 'Quote "Q"'];

type Json = Record<string, unknown>;

interface Seeded {
	tag: TagRecord;
	/** Get, then Update (a single choice field). */
	shirt: CustomFieldRecord;
	/** Custom Field → Delete. */
	retired: CustomFieldRecord;
	/** Custom Field → Delete Many. */
	oldFields: CustomFieldRecord[];
	/** List → Delete Many. */
	oldLists: ListRecord[];
	segment: SegmentRecord;
	campaignId: string;
	activityId: string;
}

let seeded: Seeded | undefined;

/** What the workflows name by ID: made once, when the workflows are built. */
function seededObjects(ctx: Ctx): Seeded {
	if (seeded) return seeded;
	const { fake } = ctx;
	const state = fake.state as unknown as FakeState;
	const campaign = newCampaign(state, CAMPAIGN_NAME, {
		format_type: 5,
		from_email: OWNER_EMAIL,
		from_name: 'E2E Co',
		reply_to_email: OWNER_EMAIL,
		subject: 'E2E More news',
		html_content: '<html><body>[[trackingImage]]<h1>E2E More news</h1></body></html>',
	});
	const primary = state.campaignActivities.get(campaign.activity_ids[0]!)!;
	const oldLists = [fake.seed.list({ name: 'E2E More Old List 1' }), fake.seed.list({ name: 'E2E More Old List 2' })];
	// Scheduled a week ahead, as if in Constant Contact's editor: a resend then gets its own ID and status.
	primary.contact_list_ids = [fake.seed.list({ name: 'E2E More Resend Audience' }).list_id];
	primary.status_before_schedule = 'DRAFT';
	primary.current_status = 'SCHEDULED';
	primary.scheduled_date = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
	seeded = {
		tag: fake.seed.tag({ name: TAG_NAME }),
		shirt: fake.seed.customField({ label: SHIRT_LABEL, type: 'single_select', choices: ['Small', 'Medium', 'Large'] }),
		retired: fake.seed.customField({ label: 'E2E More Retired Field', type: 'string' }),
		oldFields: [fake.seed.customField({ label: 'E2E More Old Field 1', type: 'string' }), fake.seed.customField({ label: 'E2E More Old Field 2', type: 'date' })],
		oldLists,
		segment: fake.seed.segment({ name: SEGMENT_NAME }),
		campaignId: campaign.campaign_id,
		activityId: primary.campaign_activity_id,
	};
	return seeded;
}

/** A resource locator value as the editor stores one picked from the list. */
const picked = (value: string | number): Json => ({ __rl: true, mode: 'list', value: String(value) });
const byExpression = (expression: string): Json => ({ __rl: true, mode: 'id', value: expression });

function node(id: string, name: string, type: string, x: number, parameters: Json, ctx?: Ctx): Json {
	return {
		id,
		name,
		type,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		...(ctx ? { credentials: { [CREDENTIAL_TYPE]: { id: ctx.credential.id, name: ctx.credential.name } } } : {}),
	};
}

/** Manual Trigger → the named Constant Contact nodes, one after the other. */
function chain(ctx: Ctx, nodeType: string, id: string, name: string, steps: Array<[string, Json]>): Json {
	const names = ['Manual Trigger', ...steps.map(([n]) => n)];
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node(`${id}-1`, 'Manual Trigger', 'n8n-nodes-base.manualTrigger', 0, {}),
			...steps.map(([n, parameters], i) => node(`${id}-${i + 2}`, n, nodeType, 220 * (i + 1), parameters, ctx)),
		],
		connections: Object.fromEntries(names.slice(0, -1).map((n, i) => [n, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }])),
	};
}

export function moreOperationWorkflows(ctx: Ctx, nodeType: string): Json[] {
	const s = seededObjects(ctx);
	const common = { credential: ctx.credential, nodeType };
	const campaign = picked(s.campaignId);
	return [
		chain(ctx, nodeType, TAGS_ID, 'e2e more 1: Tag → Get (with its count), Update', [
			['Get Tag', { resource: 'tag', operation: 'get', tag: picked(s.tag.tag_id), includeCount: true }],
			['Update Tag', { resource: 'tag', operation: 'update', tag: picked(s.tag.tag_id), newTagName: TAG_RENAMED }],
		]),
		chain(ctx, nodeType, FIELDS_ID, 'e2e more 2: Custom Field → Get, Update (label, choices), Delete', [
			['Get Field', { resource: 'customField', operation: 'get', customField: picked(s.shirt.custom_field_id) }],
			['Update Field', { resource: 'customField', operation: 'update', customField: picked(s.shirt.custom_field_id), customFieldUpdateFields: { label: SHIRT_RELABEL, choices: 'Small, Large, XL' } }],
			['Delete Field', { resource: 'customField', operation: 'delete', customField: picked(s.retired.custom_field_id) }],
		]),
		workflow({
			...common,
			id: FIELDS_BULK_ID,
			name: 'e2e more 3: Custom Field → Delete Many, two items',
			sourceName: 'Fields to retire (stand-in)',
			items: s.oldFields.map((f) => ({ custom_field_id: f.custom_field_id, label: f.label })),
			parameters: { resource: 'customField', operation: 'deleteMany', customField: byExpression('={{ $json.custom_field_id }}') },
		}),
		workflow({
			...common,
			id: LISTS_BULK_ID,
			name: 'e2e more 4: List → Delete Many, two items',
			sourceName: 'Lists to retire (stand-in)',
			items: s.oldLists.map((l) => ({ list_id: l.list_id, name: l.name })),
			parameters: { resource: 'list', operation: 'deleteMany', list: byExpression('={{ $json.list_id }}') },
		}),
		chain(ctx, nodeType, SEGMENT_ID, 'e2e more 5: Segment → Update (name and criteria)', [
			[
				'Update Segment',
				{
					resource: 'segment',
					operation: 'update',
					segment: picked(s.segment.segment_id),
					segmentUpdateFields: { name: SEGMENT_RENAMED, segmentCriteria: JSON.stringify(SEGMENT_CRITERIA, null, 2) },
				},
			],
		]),
		chain(ctx, nodeType, RESEND_ID, 'e2e more 6: Campaign → Create Resend, Get Resend, Cancel Resend (non-openers)', [
			['Create Resend', { resource: 'campaign', operation: 'createResend', campaign, resendSubject: RESEND_SUBJECT, resendDelayUnit: 'days', resendDelayDays: 2 }],
			['Get Resend', { resource: 'campaign', operation: 'getResend', campaign }],
			['Cancel Resend', { resource: 'campaign', operation: 'cancelResend', campaign }],
			['Get Resend After', { resource: 'campaign', operation: 'getResend', campaign }],
		]),
		workflow({
			...common,
			id: DELETE_ID,
			name: 'e2e more 7: Contact → Delete, four items by email (bulk activity), Continue On Fail',
			sourceName: 'Leavers (stand-in)',
			items: DELETE_ITEMS,
			parameters: { resource: 'contact', operation: 'delete', contact: { __rl: true, mode: 'email', value: '={{ $json.email }}' } },
			continueOnFail: true,
		}),
		// Only what the editor sets on a new node: Output and every option stay at their defaults.
		chain(ctx, nodeType, EXPORT_ID, 'e2e more 8: Contact → Export (every contact, simplified)', [['Export Contacts', { resource: 'contact', operation: 'export' }]]),
	];
}

const is2xx = (r: RequestLogEntry): boolean => r.status >= 200 && r.status < 300;
/** The requests to these paths that Constant Contact answered 2xx (a 429 retried by the node is left out). */
const answered = (requests: RequestLogEntry[], method: string, path: RegExp): RequestLogEntry[] => requests.filter((r) => r.method === method && path.test(r.path) && is2xx(r));
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const pairedIndex = (item: NodeRunItem): number | undefined => (Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : item.pairedItem?.item);
const mine = (requests: RequestLogEntry[], prefix: string): string => summarize(requests.filter((r) => r.path.startsWith(prefix)));

/** The contacts the step works on, seeded when it starts. */
function seedContacts(ctx: Ctx, s: Seeded): { tagged: number; withRetired: ContactRecord[]; withOld: ContactRecord[]; onOldLists: ContactRecord[]; large: ContactRecord; medium: ContactRecord } {
	const { fake } = ctx;
	const permissions = ['implicit', 'explicit', 'unsubscribed', 'pending_confirmation'] as const;
	const contacts: ContactRecord[] = [];
	for (let i = 0; i < EXPORT_CONTACTS; i++) {
		const permission = permissions[i % permissions.length]!;
		const last = LAST_NAMES[i % LAST_NAMES.length]!;
		contacts.push(
			fake.seed.contact({
				email_address: { address: `e2e-more-export-${String(i).padStart(3, '0')}@example.com`, permission_to_send: permission },
				first_name: FIRST_NAMES[i % FIRST_NAMES.length]!,
				...(last ? { last_name: last } : {}),
				list_memberships: i % 3 === 0 ? [s.oldLists[0]!.list_id] : i % 3 === 1 ? [s.oldLists[0]!.list_id, s.oldLists[1]!.list_id] : [],
				taggings: i % 50 === 7 ? [s.tag.tag_id] : [],
				custom_fields: [
					...(i % 10 === 1 ? [{ custom_field_id: s.retired.custom_field_id, value: `retired ${i}` }] : []),
					...(i % 10 === 2 ? [{ custom_field_id: s.oldFields[0]!.custom_field_id, value: `old ${i}` }] : []),
				],
			}),
		);
	}
	// A single choice field's values carry the chosen choice's ID.
	const large = contacts[4]!;
	const medium = contacts[5]!;
	large.custom_fields.push({ custom_field_id: s.shirt.custom_field_id, value: 'Large', choice_ids: ['3'] });
	medium.custom_fields.push({ custom_field_id: s.shirt.custom_field_id, value: 'Medium', choice_ids: ['2'] });
	fake.seed.contact({ email_address: { address: TO_DELETE[0]!, permission_to_send: 'implicit' }, first_name: 'Dana', last_name: 'Leaver' });
	fake.seed.contact({ email_address: { address: TO_DELETE[1]!, permission_to_send: 'unsubscribed', opt_out_source: 'Contact' }, first_name: 'Dario' });
	fake.seed.contact({ email_address: { address: TO_DELETE[2]!, permission_to_send: 'explicit' }, first_name: 'Dina', list_memberships: [s.oldLists[1]!.list_id] });
	return {
		tagged: contacts.filter((c) => c.taggings.includes(s.tag.tag_id)).length,
		withRetired: contacts.filter((c) => c.custom_fields.some((f) => f.custom_field_id === s.retired.custom_field_id)),
		withOld: contacts.filter((c) => c.custom_fields.some((f) => f.custom_field_id === s.oldFields[0]!.custom_field_id)),
		onOldLists: contacts.filter((c) => c.list_memberships.length > 0),
		large,
		medium,
	};
}

type Contacts = ReturnType<typeof seedContacts>;

async function tags(ctx: Ctx, s: Seeded, contacts: Contacts): Promise<void> {
	const { run, requests } = await execute(ctx, TAGS_ID);
	log(`  requests: ${mine(requests, '/v3/contact_tags')}`);
	checkEqual(
		nodeOutput(run, 'Get Tag').map((i) => [i.json.tag_id, i.json.name, i.json.contacts_count]),
		[[s.tag.tag_id, TAG_NAME, contacts.tagged]],
		'Get Tag [tag_id, name, contacts_count]',
	);
	checkEqual(nodeOutput(run, 'Update Tag').map((i) => [i.json.tag_id, i.json.name]), [[s.tag.tag_id, TAG_RENAMED]], 'Update Tag [tag_id, name]');
	const path = new RegExp(`^/v3/contact_tags/${s.tag.tag_id}$`);
	checkEqual(answered(requests, 'GET', path).map((r) => r.query.include_count), ['true'], 'GET /contact_tags/{id}: include_count');
	checkEqual(answered(requests, 'PUT', path).map((r) => r.body), [{ name: TAG_RENAMED }], 'PUT /contact_tags/{id}: bodies');
	checkEqual(ctx.fake.state.tags.get(s.tag.tag_id)?.name, TAG_RENAMED, "the fake's tag name");
	checkEqual(
		[...ctx.fake.state.contacts.values()].filter((c) => c.taggings.includes(s.tag.tag_id)).length,
		contacts.tagged,
		'contacts with the renamed tag (they keep it)',
	);
}

async function customFields(ctx: Ctx, s: Seeded, contacts: Contacts): Promise<void> {
	const { fake } = ctx;
	const { run, requests } = await execute(ctx, FIELDS_ID);
	log(`  requests: ${mine(requests, '/v3/contact_custom_fields')}`);
	const choices = (value: unknown): Array<[unknown, unknown]> => ((value ?? []) as Json[]).map((c) => [c.choice_id, c.choice_label]);
	checkEqual(
		nodeOutput(run, 'Get Field').map((i) => [i.json.custom_field_id, i.json.label, i.json.type, choices(i.json.choices)]),
		[[s.shirt.custom_field_id, SHIRT_LABEL, 'single_select', [[1, 'Small'], [2, 'Medium'], [3, 'Large']]]],
		'Get Field [custom_field_id, label, type, choices]',
	);
	const expectedChoices = [[1, 'Small'], [3, 'Large'], [4, 'XL']];
	checkEqual(
		nodeOutput(run, 'Update Field').map((i) => [i.json.custom_field_id, i.json.label, choices(i.json.choices)]),
		[[s.shirt.custom_field_id, SHIRT_RELABEL, expectedChoices]],
		'Update Field [custom_field_id, label, choices]: a kept choice keeps its ID',
	);
	const path = new RegExp(`^/v3/contact_custom_fields/${s.shirt.custom_field_id}$`);
	checkEqual(
		answered(requests, 'PUT', path).map((r) => r.body),
		[
			{
				label: SHIRT_RELABEL,
				choices: [
					{ choice_id: 1, choice_label: 'Small', display_order: 1 },
					{ choice_id: 3, choice_label: 'Large', display_order: 2 },
					{ choice_label: 'XL', display_order: 3 },
				],
			},
		],
		'PUT /contact_custom_fields/{id}: bodies (read first, label and choices replaced)',
	);
	const stored = fake.state.customFields.get(s.shirt.custom_field_id)!;
	checkEqual([stored.label, choices(stored.choices)], [SHIRT_RELABEL, expectedChoices], "the fake's field [label, choices]");
	const chosen = (c: ContactRecord) => c.custom_fields.find((f) => f.custom_field_id === s.shirt.custom_field_id)?.choice_ids;
	checkEqual([chosen(contacts.large), chosen(contacts.medium)], [['3'], []], 'the contacts who chose Large (kept) and Medium (removed)');

	checkEqual(nodeOutput(run, 'Delete Field').map((i) => i.json), [{ custom_field_id: s.retired.custom_field_id, deleted: true }], 'Delete Field output');
	checkEqual(
		requests.filter((r) => r.method === 'DELETE' && r.path.startsWith('/v3/contact_custom_fields/')).map((r) => `${r.path} ${r.status}`),
		[`/v3/contact_custom_fields/${s.retired.custom_field_id} 204`],
		'DELETE /contact_custom_fields/{id} requests',
	);
	check(!fake.state.customFields.has(s.retired.custom_field_id), 'the deleted custom field is still in the fake');
	check(contacts.withRetired.length > 0, 'no contact had a value of the deleted field');
	checkEqual(
		contacts.withRetired.filter((c) => c.custom_fields.some((f) => f.custom_field_id === s.retired.custom_field_id)).length,
		0,
		`contacts still holding the deleted field's value (of ${contacts.withRetired.length} that had one)`,
	);
}

/** A Delete Many's output: one item per input item, deleted by one completed activity; returns its ID. */
function checkBulkOutput(ctx: Ctx, out: NodeRunItem[], idKey: string, ids: string[], what: string): string {
	checkEqual(out.map(pairedIndex), ids.map((_, i) => i), `${what}: output items paired with their input items`);
	checkEqual(out.map((i) => [i.json[idKey], i.json.deleted, i.json.activity_state]), ids.map((id) => [id, true, 'completed']), `${what}: output [${idKey}, deleted, activity_state]`);
	const activityIds = [...new Set(out.map((i) => String(i.json.activity_id)))];
	checkEqual(activityIds.length, 1, `${what}: bulk activities named in the output`);
	checkEqual(ctx.fake.state.activities.get(activityIds[0]!)?.state, 'completed', `${what}: the fake's activity ${activityIds[0]}`);
	return activityIds[0]!;
}

async function customFieldsDeleteMany(ctx: Ctx, s: Seeded, contacts: Contacts): Promise<void> {
	const { fake } = ctx;
	const ids = s.oldFields.map((f) => f.custom_field_id);
	const { run, requests } = await execute(ctx, FIELDS_BULK_ID);
	log(`  requests: ${mine(requests, '/v3/')}`);
	checkBulkOutput(ctx, nodeOutput(run, CC_NODE), 'custom_field_id', ids, 'Custom Field → Delete Many');
	checkEqual(answered(requests, 'POST', /^\/v3\/activities\/custom_fields_delete$/).map((r) => r.body), [{ custom_field_ids: ids }], 'POST /activities/custom_fields_delete: bodies');
	checkEqual(requests.filter((r) => r.method === 'DELETE').length, 0, 'DELETE requests (one bulk activity instead)');
	checkEqual(ids.filter((id) => fake.state.customFields.has(id)), [], 'custom fields still in the fake');
	check(contacts.withOld.length > 0, 'no contact had a value of the deleted fields');
	checkEqual(contacts.withOld.filter((c) => c.custom_fields.some((f) => ids.includes(f.custom_field_id))).length, 0, "contacts still holding a deleted field's value");
}

async function listsDeleteMany(ctx: Ctx, s: Seeded, contacts: Contacts): Promise<void> {
	const { fake } = ctx;
	const ids = s.oldLists.map((l) => l.list_id);
	const { run, requests } = await execute(ctx, LISTS_BULK_ID);
	log(`  requests: ${mine(requests, '/v3/')}`);
	checkBulkOutput(ctx, nodeOutput(run, CC_NODE), 'list_id', ids, 'List → Delete Many');
	checkEqual(answered(requests, 'POST', /^\/v3\/activities\/list_delete$/).map((r) => r.body), [{ list_ids: ids }], 'POST /activities/list_delete: bodies');
	checkEqual(requests.filter((r) => r.method === 'DELETE').length, 0, 'DELETE requests (one bulk activity instead)');
	checkEqual(ids.map((id) => Boolean(fake.state.lists.get(id)?.deleted_at)), [true, true], "the fake's lists deleted");
	check(contacts.onOldLists.length > 0, 'no contact was on the deleted lists');
	checkEqual(
		contacts.onOldLists.filter((c) => c.deleted_at || c.list_memberships.some((l) => ids.includes(l)) || fake.state.contacts.get(c.contact_id) !== c).map((c) => c.email_address.address),
		[],
		'members of the deleted lists still on them, deleted or gone (they stay in the account, off the lists)',
	);
}

async function segmentUpdate(ctx: Ctx, s: Seeded): Promise<void> {
	const { run, requests } = await execute(ctx, SEGMENT_ID);
	log(`  requests: ${mine(requests, '/v3/segments')}`);
	const criteria = JSON.stringify(SEGMENT_CRITERIA);
	checkEqual(
		nodeOutput(run, 'Update Segment').map((i) => [i.json.segment_id, i.json.name, i.json.segment_criteria]),
		[[s.segment.segment_id, SEGMENT_RENAMED, criteria]],
		'Update Segment [segment_id, name, segment_criteria]',
	);
	const path = new RegExp(`^/v3/segments/${s.segment.segment_id}$`);
	checkEqual(answered(requests, 'GET', path).length, 1, 'GET /segments/{id} (read before the PUT)');
	checkEqual(answered(requests, 'PUT', path).map((r) => r.body), [{ name: SEGMENT_RENAMED, segment_criteria: criteria }], 'PUT /segments/{id}: bodies (both name and criteria)');
	const stored = ctx.fake.state.segments.get(s.segment.segment_id)!;
	checkEqual([stored.name, stored.segment_criteria], [SEGMENT_RENAMED, criteria], "the fake's segment [name, criteria]");
}

async function resend(ctx: Ctx, s: Seeded): Promise<void> {
	const { run, requests } = await execute(ctx, RESEND_ID);
	const resends = `/v3/emails/activities/${s.activityId}/non_opener_resends`;
	log(`  requests: ${mine(requests, resends)}`);
	const created = nodeOutput(run, 'Create Resend').map((i) => i.json);
	checkEqual(created.length, 1, 'Create Resend output items');
	const id = String(created[0]!.resend_request_id);
	check(/^\d+$/.test(id), `a scheduled campaign's resend has its own ID (not DRAFT): ${id}`);
	checkEqual(
		created.map((r) => [r.campaign_id, r.campaign_activity_id, r.name, r.resend_scheduled, r.resend_subject, r.delay_days]),
		[[s.campaignId, s.activityId, CAMPAIGN_NAME, true, RESEND_SUBJECT, 2]],
		'Create Resend [campaign_id, campaign_activity_id, name, resend_scheduled, resend_subject, delay_days]',
	);
	checkEqual(answered(requests, 'POST', new RegExp(`^${resends}$`)).map((r) => `${r.status} ${JSON.stringify(r.body)}`), [`201 ${JSON.stringify({ resend_subject: RESEND_SUBJECT, delay_days: 2 })}`], `POST ${resends}`);
	checkEqual(
		nodeOutput(run, 'Get Resend').map((i) => [i.json.resend_scheduled, i.json.resend_request_id, i.json.resend_subject, i.json.delay_days, i.json.resend_status]),
		[[true, id, RESEND_SUBJECT, 2, 'SCHEDULED']],
		'Get Resend [resend_scheduled, resend_request_id, resend_subject, delay_days, resend_status]',
	);
	checkEqual(
		nodeOutput(run, 'Cancel Resend').map((i) => i.json),
		[{ campaign_id: s.campaignId, campaign_activity_id: s.activityId, name: CAMPAIGN_NAME, resend_request_id: id, cancelled: true }],
		'Cancel Resend output',
	);
	checkEqual(answered(requests, 'DELETE', /non_opener_resends/).map((r) => `${r.path} ${r.status}`), [`${resends}/${id} 204`], 'DELETE of the resend');
	checkEqual(
		nodeOutput(run, 'Get Resend After').map((i) => [i.json.resend_scheduled, i.json.resend_request_id, i.json.resend_subject]),
		[[false, null, null]],
		'Get Resend after the cancel [resend_scheduled, resend_request_id, resend_subject]',
	);
	const state = ctx.fake.state as unknown as FakeState;
	const activity = state.campaignActivities.get(s.activityId)!;
	checkEqual([activity.resend, activity.current_status], [undefined, 'SCHEDULED'], "the fake's campaign [resend, status]: cancelled, the campaign unchanged");
}

async function bulkContactDelete(ctx: Ctx): Promise<void> {
	const { fake } = ctx;
	const byEmail = (email: string) => [...fake.state.contacts.values()].find((c) => c.email_address.address === email);
	const targets = TO_DELETE.map((email) => byEmail(email)!);
	const { run, requests } = await execute(ctx, DELETE_ID);
	log(`  requests: ${mine(requests, '/v3/')}`);
	const out = nodeOutput(run, CC_NODE);
	checkEqual(out.map(pairedIndex), [0, 1, 2, 3], 'output items paired with their input items');
	const deleted = [out[0]!, out[2]!, out[3]!];
	checkEqual(
		deleted.map((i) => [i.json.contact_id, i.json.email_address, i.json.deleted, i.json.activity_state]),
		targets.map((c) => [c.contact_id, c.email_address.address, true, 'completed']),
		'the deleted contacts [contact_id, email_address, deleted, activity_state]',
	);
	checkEqual(new Set(deleted.map((i) => i.json.activity_id)).size, 1, 'bulk activities named in the output');
	checkEqual(out[1]!.json.error, `No contact with the email address ${MISSING} exists in Constant Contact`, "the missing address's error item");
	checkEqual(
		answered(requests, 'GET', /^\/v3\/contacts$/).map((r) => `${r.query.email} ${r.query.status}`).sort(),
		DELETE_ITEMS.map((i) => `${i.email} all`).sort(),
		'lookups by email (every state)',
	);
	checkEqual(answered(requests, 'POST', /^\/v3\/activities\/contact_delete$/).map((r) => r.body), [{ contact_ids: targets.map((c) => c.contact_id) }], 'POST /activities/contact_delete: bodies');
	checkEqual(requests.filter((r) => r.method === 'DELETE' && r.path.startsWith('/v3/contacts/')).length, 0, 'DELETE /contacts/{id} requests (the bulk activity instead)');
	checkEqual(targets.map((c) => Boolean(fake.state.contacts.get(c.contact_id)?.deleted_at)), [true, true, true], "the fake's contacts deleted");
	check(!byEmail(MISSING), `${MISSING} appeared in the account`);
}

/** A contact as Export (Simplified) outputs it, from the fake's record. */
function simplified(c: ContactRecord): Json {
	return {
		contact_id: c.contact_id,
		email: c.email_address.address,
		first_name: c.first_name || null,
		last_name: c.last_name || null,
		permission_to_send: c.email_address.permission_to_send,
		opt_out_date: c.email_address.opt_out_date || null,
		list_ids: c.list_memberships,
		tag_ids: c.taggings,
		created_at: c.created_at,
		updated_at: c.updated_at,
	};
}

async function exportContacts(ctx: Ctx): Promise<void> {
	const { fake } = ctx;
	const { run, requests } = await execute(ctx, EXPORT_ID);
	const posts = answered(requests, 'POST', /^\/v3\/activities\/contact_exports$/);
	checkEqual(posts.map((r) => r.body), [{}], 'POST /activities/contact_exports: bodies (Simplified asks for every field, no filter)');
	const polls = answered(requests, 'GET', new RegExp(`^/v3/activities/${UUID}$`));
	check(polls.length >= 1, `the export's activity was never read (requests: ${summarize(requests)})`);
	const files = answered(requests, 'GET', new RegExp(`^/v3/contact_exports/${UUID}$`));
	checkEqual(files.length, 1, 'GET /contact_exports/{id} answered 2xx');
	const exportId = files[0]!.path.split('/').pop()!;
	const activity = fake.state.activities.get(exportId);
	check(activity?.kind === 'export' && activity.state === 'completed' && activity.export_csv, `the file read is not a completed export of the fake: ${exportId}`);
	log(`  requests: ${summarize([...posts, ...polls, ...files])}; the file: ${Buffer.byteLength(activity.export_csv)} bytes`);

	const items = nodeOutput(run, 'Export Contacts');
	const expected = [...fake.state.contacts.values()].filter((c) => !c.deleted_at);
	checkEqual(items.length, expected.length, "output items (one per contact in the fake that is not deleted)");
	check(items.every((i) => pairedIndex(i) === 0), 'every exported contact is paired with the trigger item');
	const got = new Map(items.map((i) => [String(i.json.contact_id), i.json]));
	const missing = expected.filter((c) => !got.has(c.contact_id)).map((c) => c.email_address.address);
	checkEqual(missing.slice(0, 5), [], `contacts of the fake missing from the export (${missing.length})`);
	for (const c of expected) checkEqual(got.get(c.contact_id), simplified(c), `the exported ${c.email_address.address} (simplified)`);
	for (const email of TO_DELETE) check(![...got.values()].some((j) => j.email === email), `the deleted ${email} was exported`);
	const unusual = expected.filter((c) => /[^\x20-\x7e]|[",\n]/.test(`${c.first_name ?? ''}${c.last_name ?? ''}`)).length;
	log(`  ${items.length} contacts exported, equal to the fake's (${unusual} with quotes, commas, line breaks or non-ASCII names)`);
}

export async function moreOperations(ctx: Ctx): Promise<void> {
	const s = seededObjects(ctx);
	const contacts = seedContacts(ctx, s);
	log(`  seeded ${EXPORT_CONTACTS} contacts to export and ${TO_DELETE.length} to delete`);
	log('  1: Tag → Get (with its contact count), Update');
	await tags(ctx, s, contacts);
	log('  2: Custom Field → Get, Update (label, choices), Delete');
	await customFields(ctx, s, contacts);
	log('  3: Custom Field → Delete Many (bulk activity)');
	await customFieldsDeleteMany(ctx, s, contacts);
	log('  4: List → Delete Many (bulk activity)');
	await listsDeleteMany(ctx, s, contacts);
	log('  5: Segment → Update');
	await segmentUpdate(ctx, s);
	log('  6: Campaign → Create Resend, Get Resend, Cancel Resend (a scheduled campaign)');
	await resend(ctx, s);
	log('  7: Contact → Delete, four items (Processing: Automatic → bulk activity), one address not in the account');
	await bulkContactDelete(ctx);
	log('  8: Contact → Export (every contact, the CSV streamed through n8n)');
	await exportContacts(ctx);
	ctx.fake.assertNoContractViolations();
}
