/**
 * The operation families that take item data, each as the pure path one item takes through the
 * node (mapping/<resource>/*.ts and the helpers the operations call), from hostile input to request body.
 * Every input ends in exactly one outcome:
 *
 * - accepted: request bodies, each checked with the fake's own contract validator (swagger-v3.yaml);
 * - rejected: per-item problems, each naming its field and short (never the whole bad value);
 * - crash: anything thrown, a TypeError included;
 * - invalid: a body the contract refuses; or a problem that names no field.
 *
 * and must leave Object.prototype untouched. The trigger's state and answers have their own
 * families (triggerFamilies.mts), in the same list.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { contactRefFrom } from '../../nodes/ConstantContact/actions/contact/locate.ts';
import { additionalContactInput } from '../../nodes/ConstantContact/actions/contact/itemContact.ts';
import { idProblem, listIdsFromPicker, toIdList } from '../../nodes/ConstantContact/mapping/common/ids.ts';
import { toContactPostRequest, toSignUpFormRequest } from '../../nodes/ConstantContact/mapping/contact/contactBody.ts';
import { MAPPING_DEFAULTS, applyMappingDefaults } from '../../nodes/ConstantContact/mapping/contact/defaults.ts';
import { resendBody } from '../../nodes/ConstantContact/mapping/campaign/campaignBody.ts';
import { customFieldDefinitionProblem, customFieldPutBody, customFieldRequest, CUSTOM_FIELD_TYPES } from '../../nodes/ConstantContact/mapping/contact/customFields.ts';
import { chunkImportRows, importProblems, toImportRow } from '../../nodes/ConstantContact/mapping/contact/importRow.ts';
import type { ImportRow } from '../../nodes/ConstantContact/mapping/contact/importRow.ts';
import { autoMapItem, contactInputFromFields, mergeContactInputs } from '../../nodes/ConstantContact/mapping/contact/input.ts';
import { LIMITS } from '../../nodes/ConstantContact/mapping/contact/limits.ts';
import { activityBody, targetProblems } from '../../nodes/ConstantContact/mapping/contact/memberships.ts';
import type { MembershipKind } from '../../nodes/ConstantContact/mapping/contact/memberships.ts';
import { mergeContactForPut } from '../../nodes/ConstantContact/mapping/contact/merge.ts';
import { applyContactChanges } from '../../nodes/ConstantContact/mapping/contact/permission.ts';
import type { PermissionChange } from '../../nodes/ConstantContact/mapping/contact/permission.ts';
import { storedContactProblems } from '../../nodes/ConstantContact/mapping/contact/storedContact.ts';
import type { ContactResource, ContactTarget, CustomFieldDefinition, PermissionToSend } from '../../nodes/ConstantContact/mapping/contact/types.ts';
import { unique } from '../../nodes/ConstantContact/mapping/common/problems.ts';
import { validateContactInput } from '../../nodes/ConstantContact/mapping/contact/validate.ts';
import type { ValidContact } from '../../nodes/ConstantContact/mapping/contact/validate.ts';
import type { Contract } from '../fake-constant-contact/contract.mts';
import * as A from './arbitraries.mts';
import { TRIGGER_FAMILIES } from './triggerFamilies.mts';

export interface Body {
	method: string;
	template: string;
	body: unknown;
}

export type Outcome =
	| { kind: 'accepted'; bodies: Body[] }
	| { kind: 'rejected'; problems: string[] }
	| { kind: 'crash'; error: string }
	| { kind: 'invalid'; errors: string[]; body?: unknown };

export interface Family<T> {
	name: string;
	arbitrary: fc.Arbitrary<T>;
	/** Items (contacts) one input holds. */
	items: (input: T) => number;
	run: (input: T) => Body[] | { problems: string[] };
	/** How this family's problems name what they are about, when that is not an item's field. */
	field?: RegExp;
}

/** A problem names its field first ("Email: …", "Phone Number 2: …", "Custom Field "Plan": …"). */
const NAMES_A_FIELD =
	/^(Email|First Name|Last Name|Job Title|Company Name|Phone Numbers?( \d+)?|Street Address(es| \d+)?|Birthday( Month| Day)?|Anniversary|Custom Fields?( "(?:[^"\\]|\\.)*")?|Lists|Tags|Notes?( \d+)?|Permission to Send|Unsubscribe Reason|Contact|Label|Type|Choices): /s;

/** Longer than any message the node writes; a message quoting a whole hostile value would not fit. */
export const MAX_PROBLEM_LENGTH = 400;

export function fieldOf(problem: string, pattern: RegExp = NAMES_A_FIELD): string {
	const match = pattern.exec(problem);
	return match ? match[1].replace(/ \d+$/, ' N').replace(/ ".*"$/s, ' "…"') : '(no field)';
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).join();
const PROTOTYPE = prototypeKeys();

/** Runs one input through a family and classifies what happened. */
export function classify<T>(family: Family<T>, input: T, contract: Contract): Outcome {
	let result: Body[] | { problems: string[] };
	try {
		result = family.run(input);
	} catch (error) {
		return { kind: 'crash', error: error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error).slice(0, 300) };
	}
	if (prototypeKeys() !== PROTOTYPE || ({} as IDataObject).polluted !== undefined) return { kind: 'crash', error: 'Object.prototype was changed' };
	if (!Array.isArray(result)) {
		const names = family.field ?? NAMES_A_FIELD;
		const bad = result.problems.filter((p) => typeof p !== 'string' || p.length > MAX_PROBLEM_LENGTH || !names.test(p));
		if (result.problems.length === 0 || bad.length) return { kind: 'invalid', errors: bad.length ? bad.map((p) => `a problem that names no field or is too long: ${String(p).slice(0, 200)}`) : ['rejected without a problem'] };
		return { kind: 'rejected', problems: result.problems };
	}
	for (const b of result) {
		// What goes on the wire: JSON drops undefined, and the contract sees exactly that.
		const wire = JSON.parse(JSON.stringify(b.body)) as unknown;
		const errors = contract.validateRequest(b.method, b.template, {}, wire).errors;
		if (errors.length) return { kind: 'invalid', errors: errors.map((e) => `${b.method} ${b.template}: ${e}`), body: wire };
	}
	return { kind: 'accepted', bodies: result };
}

/** What readValidContact does for one item: mapper (either mode) + additional fields + the Mapping Defaults, validated for the endpoint. */
function validContact(
	input: { mode: 'auto' | 'below'; json: Record<string, unknown>; values: Record<string, unknown>; additional: Record<string, unknown>; lists: unknown; tags: unknown; defs: CustomFieldDefinition[] },
	target: ContactTarget,
	defaults: { email?: string } = {},
): { contact: ValidContact } | { problems: string[] } {
	const extra = additionalContactInput(input.additional as IDataObject, input.lists, target === 'contacts' ? input.tags : []);
	const base =
		input.mode === 'auto' ? autoMapItem(input.json as IDataObject, target, input.defs, MAPPING_DEFAULTS).input : contactInputFromFields(input.values as IDataObject, target);
	const merged = applyMappingDefaults(mergeContactInputs(base, extra), target, MAPPING_DEFAULTS);
	if (!merged.email?.trim() && defaults.email) merged.email = defaults.email;
	const result = validateContactInput(merged, target, input.defs);
	return result.valid ? { contact: result.contact } : { problems: result.problems };
}

/** Half hostile, half plausible (mostly what a form or CRM sends, now and then one bad field), so both ends are deep. */
const contactInput = (target: ContactTarget) =>
	A.definitions.chain((defs) =>
		fc.oneof(
			fc.record({
				mode: fc.constantFrom<'auto' | 'below'>('auto', 'below'),
				json: A.item(defs),
				values: A.mapperValues(defs, target),
				additional: A.additional(defs),
				lists: A.listPicker,
				tags: A.tagParameter,
				defs: fc.constant(defs as CustomFieldDefinition[]),
			}),
			fc.record({
				mode: fc.constantFrom<'auto' | 'below'>('auto', 'below'),
				json: A.plausibleItem(defs),
				values: A.plausibleValues(defs, target),
				additional: A.plausibleAdditional(defs, target),
				lists: A.plausibleLists(target),
				tags: A.plausibleTags,
				defs: fc.constant(defs as CustomFieldDefinition[]),
			}),
		),
	);

type ContactInputCase = ReturnType<typeof contactInput> extends fc.Arbitrary<infer T> ? T : never;

const PERMISSIONS: PermissionToSend[] = ['explicit', 'implicit', 'not_set', 'pending_confirmation', 'temp_hold', 'unsubscribed'];

const create: Family<ContactInputCase & { permission: PermissionToSend }> = {
	name: 'Create (POST /contacts)',
	arbitrary: fc.tuple(contactInput('contacts'), fc.constantFrom(...PERMISSIONS)).map(([i, permission]) => ({ ...i, permission })),
	items: () => 1,
	run: (input) => {
		const valid = validContact(input, 'contacts');
		if ('problems' in valid) return valid;
		return [{ method: 'POST', template: '/contacts', body: toContactPostRequest(valid.contact, { permission_to_send: input.permission }) }];
	},
};

function checkedStored(stored: unknown): ContactResource {
	const problems = storedContactProblems(stored);
	if (problems.length) throw new Error(`the generated stored contact is not one Constant Contact returns: ${problems.join('; ')}`);
	return stored as ContactResource;
}

const accountSync: Family<ContactInputCase & { permission: PermissionToSend; stored: unknown; lists: unknown; mode2: 'append' | 'replace' }> = {
	name: 'Create or Update, Account Sync (POST /contacts, merge + PUT /contacts/{id})',
	arbitrary: fc
		.tuple(contactInput('contacts'), fc.constantFrom(...PERMISSIONS), A.storedContact, fc.constantFrom<'append' | 'replace'>('append', 'replace'))
		.map(([i, permission, stored, mode2]) => ({ ...i, permission, stored, mode2 })),
	items: () => 1,
	run: (input) => {
		const valid = validContact(input, 'contacts');
		if ('problems' in valid) return valid;
		const post: Body = { method: 'POST', template: '/contacts', body: toContactPostRequest(valid.contact, { permission_to_send: input.permission }) };
		const merge = mergeContactForPut(checkedStored(input.stored), valid.contact, { list_memberships: input.mode2, taggings: input.mode2 });
		if (merge.problems.length) return { problems: merge.problems };
		return [post, ...(merge.changed ? [{ method: 'PUT', template: '/contacts/{contact_id}', body: merge.body }] : [])];
	},
};

const signUp: Family<ContactInputCase> = {
	name: "Create or Update, Contact's Own Sign-Up (POST /contacts/sign_up_form)",
	arbitrary: contactInput('sign_up_form'),
	items: () => 1,
	run: (input) => {
		const valid = validContact(input, 'sign_up_form');
		if ('problems' in valid) return valid;
		return [{ method: 'POST', template: '/contacts/sign_up_form', body: toSignUpFormRequest(valid.contact) }];
	},
};

const update: Family<ContactInputCase & { stored: unknown; permission?: PermissionChange; reason?: string; source?: 'Account' | 'Contact' }> = {
	name: 'Update (merge + PUT /contacts/{id})',
	arbitrary: fc
		.tuple(
			contactInput('contacts'),
			A.storedContact,
			fc.option(fc.constantFrom<PermissionChange>('explicit', 'implicit', 'unsubscribed'), { nil: undefined }),
			fc.option(A.text, { nil: undefined }),
			fc.option(fc.constantFrom<'Account' | 'Contact'>('Account', 'Contact'), { nil: undefined }),
		)
		.map(([i, stored, permission, reason, source]) => ({ ...i, stored, permission, reason, source })),
	items: () => 1,
	run: (input) => {
		const stored = checkedStored(input.stored);
		const valid = validContact(input, 'contacts', { email: stored.email_address?.address });
		if ('problems' in valid) return valid;
		const merge = mergeContactForPut(stored, valid.contact);
		const problems = [
			...merge.problems,
			...applyContactChanges(stored, merge, { email: valid.contact.email, permission: input.permission, optOutReason: input.reason, updateSource: input.source }),
		];
		if (problems.length) return { problems };
		return merge.changed ? [{ method: 'PUT', template: '/contacts/{contact_id}', body: merge.body }] : [];
	},
};

/** Several items, chunked with small limits so that the chunking itself is exercised on every input. */
const importFamily: Family<{ contacts: ContactInputCase[]; lists: unknown; names: Array<[string, string]> }> = {
	name: 'Import (rows, chunks, POST /activities/contacts_json_import)',
	arbitrary: fc.record({
		contacts: fc.array(contactInput('contacts'), { minLength: 1, maxLength: 6 }),
		lists: A.listPicker,
		names: fc.array(fc.tuple(fc.uuid(), fc.string({ minLength: 1, maxLength: 50 })), { maxLength: 3 }),
	}),
	items: (input) => input.contacts.length,
	run: (input) => {
		const listIds = unique(listIdsFromPicker(input.lists));
		const rows: ImportRow[] = [];
		const problems: string[] = [];
		const names = new Map(input.names);
		for (const c of input.contacts) {
			// The import's list picker applies to every item: the item's own list parameter is that one.
			const valid = validContact({ ...c, lists: input.lists, tags: [] }, 'contacts');
			if ('problems' in valid) {
				problems.push(...valid.problems);
				continue;
			}
			const extra = importProblems(valid.contact);
			if (valid.contact.list_ids.length === 0) extra.push('Lists: the import needs at least one list (at most 50)');
			if (extra.length) problems.push(...extra);
			else rows.push(toImportRow(valid.contact, new Map([...names, ...valid.contact.custom_fields.map((f): [string, string] => [f.custom_field_id, names.get(f.custom_field_id) ?? 'Field'])])));
		}
		if (rows.length === 0) return { problems };
		const limits = { maxRows: 3, maxBytes: 1500 };
		const { chunks, oversized } = chunkImportRows(rows, listIds, limits);
		// Every row is in exactly one chunk or reported as too large; each chunk is within both limits, its size exact.
		const seen = [...chunks.flatMap((c) => c.rows), ...oversized].sort((a, b) => a - b);
		if (seen.join() !== rows.map((_, i) => i).join()) throw new Error(`chunking lost or repeated rows: ${seen.join()}`);
		const bodies: Body[] = [];
		for (const chunk of chunks) {
			const body = { import_data: chunk.rows.map((i) => rows[i]), list_ids: listIds };
			const bytes = Buffer.byteLength(JSON.stringify(body));
			if (bytes !== chunk.bytes || bytes > limits.maxBytes || chunk.rows.length > limits.maxRows) {
				throw new Error(`chunk of ${chunk.rows.length} rows measured ${chunk.bytes} bytes, is ${bytes}`);
			}
			bodies.push({ method: 'POST', template: '/activities/contacts_json_import', body });
		}
		return bodies;
	},
};

const ACTIVITY: Record<string, string> = {
	'lists:add': '/activities/add_list_memberships',
	'lists:remove': '/activities/remove_list_memberships',
	'tags:add': '/activities/contacts_taggings_add',
	'tags:remove': '/activities/contacts_taggings_remove',
};

const memberships: Family<{ kind: MembershipKind; add: boolean; contactIds: unknown[]; targets: unknown; stored: unknown }> = {
	name: 'Add to / Remove From Lists, Add / Remove Tags (bulk activity; per contact: merge + PUT)',
	arbitrary: fc.record({
		kind: fc.constantFrom<MembershipKind>('lists', 'tags'),
		add: fc.boolean(),
		contactIds: fc.array(fc.oneof({ weight: 3, arbitrary: fc.uuid() }, { weight: 1, arbitrary: A.value }), { minLength: 1, maxLength: 4 }),
		targets: fc.oneof(A.plausibleLists('contacts'), A.plausibleTags, A.listPicker, A.tagParameter),
		stored: A.storedContact,
	}),
	items: (input) => input.contactIds.length,
	run: (input) => {
		// As readTargets: the list picker for lists, the tag IDs parameter for tags.
		const targets = unique(input.kind === 'lists' ? listIdsFromPicker(input.targets) : toIdList(input.targets));
		const problems = targetProblems(input.kind, targets);
		// As the bulk path: each item's contact, by ID (a locator's value is text).
		const contactIds: string[] = [];
		for (const raw of input.contactIds) {
			const ref = contactRefFrom({ __rl: true, mode: 'id', value: raw });
			// An email costs a lookup whose answer is a checked contact; an ID goes into the body as given.
			if ('problem' in ref) problems.push(ref.problem);
			else if (ref.by === 'id') {
				const bad = idProblem('Contact', 'contact', [ref.value]);
				if (bad) problems.push(bad);
				else contactIds.push(ref.value);
			}
		}
		if (problems.length) return { problems };
		const bodies: Body[] = [{ method: 'POST', template: ACTIVITY[`${input.kind}:${input.add ? 'add' : 'remove'}`], body: activityBody(input.kind, [...new Set(contactIds)], targets) }];
		// Per contact: the stored contact's lists or tags changed, every other field kept.
		const stored = checkedStored(input.stored);
		const prop = input.kind === 'lists' ? 'list_memberships' : 'taggings';
		const current = (stored[prop] ?? []).map(String);
		const next = input.add ? [...new Set([...current, ...targets])] : current.filter((id) => !targets.includes(id));
		const max = input.kind === 'lists' ? LIMITS.byTarget.contacts.maxLists : LIMITS.tags;
		if (next.length > max) return { problems: [`${input.kind === 'lists' ? 'Lists' : 'Tags'}: the contact would have ${next.length}; Constant Contact allows at most ${max}`] };
		const { body } = mergeContactForPut(stored, { email: stored.email_address?.address ?? '', phone_numbers: [], street_addresses: [], custom_fields: [], list_ids: [], tag_ids: [], notes: [] });
		body[prop] = next;
		bodies.push({ method: 'PUT', template: '/contacts/{contact_id}', body });
		return bodies;
	},
};

/** Custom field values against the account's definitions: select types and their choices, by ID, name or label. */
const customFieldValues: Family<{ contact: ContactInputCase; target: ContactTarget }> = {
	name: 'Custom field values (POST /contacts, POST /contacts/sign_up_form)',
	arbitrary: A.definitions.chain((defs) =>
		fc.record({
			contact: fc.record({
				mode: fc.constantFrom<'auto' | 'below'>('auto', 'below'),
				json: A.item(defs),
				values: A.mapperValues(defs, 'contacts'),
				additional: fc.record({
					customFields: fc.record({
						customField: fc.array(
							fc.record({ custom_field_id: A.customFieldKey(defs), value: fc.oneof(A.value, fc.constantFrom('Gold', 'Gold, Silver', 'a,b', ' , ')) }),
							{ maxLength: 6 },
						),
					}),
				}),
				lists: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 2 }).map((ids) => ids.map((id) => ({ list: { __rl: true, mode: 'id', value: id } }))),
				tags: fc.constant([]),
				defs: fc.constant(defs as CustomFieldDefinition[]),
			}),
			target: fc.constantFrom<ContactTarget>('contacts', 'sign_up_form'),
		}),
	),
	items: () => 1,
	run: (input) => {
		for (const d of input.contact.defs) {
			const problem = customFieldDefinitionProblem(d);
			if (problem) throw new Error(`the generated definition is not one Constant Contact returns: ${problem}`);
		}
		const valid = validContact(input.contact, input.target);
		if ('problems' in valid) return valid;
		return input.target === 'contacts'
			? [{ method: 'POST', template: '/contacts', body: toContactPostRequest(valid.contact, { permission_to_send: 'implicit' }) }]
			: [{ method: 'POST', template: '/contacts/sign_up_form', body: toSignUpFormRequest(valid.contact) }];
	},
};

/** Custom Field → Create: label, type and choices, each possibly from an expression. */
const customFieldCreate: Family<{ label: unknown; type: unknown; choices: unknown }> = {
	name: 'Custom Field → Create (POST /contact_custom_fields)',
	arbitrary: fc.record({
		label: fc.oneof(A.text, A.value),
		type: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CUSTOM_FIELD_TYPES) }, { weight: 1, arbitrary: A.value }),
		choices: fc.oneof(A.text, A.value, fc.constant(Array.from({ length: 101 }, (_, i) => `c${i}`).join(','))),
	}),
	items: () => 1,
	run: (input) => {
		const request = customFieldRequest(input.label, input.type, input.choices);
		return 'problems' in request ? request : [{ method: 'POST', template: '/contact_custom_fields', body: request.body }];
	},
};

/** Custom Field → Update: a stored field as Constant Contact returns it, and a label and choices, each possibly from an expression. */
const customFieldUpdate: Family<{ stored: CustomFieldDefinition; label: unknown; choices: unknown }> = {
	name: 'Custom Field → Update (PUT /contact_custom_fields/{custom_field_id})',
	arbitrary: fc.record({
		stored: A.definition as fc.Arbitrary<CustomFieldDefinition>,
		label: fc.oneof(fc.constant(undefined), A.text, A.value),
		choices: fc.oneof(fc.constant(undefined), A.text, A.value, fc.constant('Gold, silver, Bronze'), fc.constant(Array.from({ length: 101 }, (_, i) => `c${i}`).join(','))),
	}),
	items: () => 1,
	run: (input) => {
		const problem = customFieldDefinitionProblem(input.stored);
		if (problem) return { problems: [`stored: ${problem}`] };
		const request = customFieldPutBody(input.stored, input.label, input.choices);
		return 'problems' in request ? request : [{ method: 'PUT', template: '/contact_custom_fields/{custom_field_id}', body: request.body }];
	},
};

/** Campaign → Create Resend: subject, delay unit and delay, each possibly from an expression. */
const campaignResend: Family<{ subject: unknown; unit: unknown; delay: unknown }> = {
	name: 'Campaign → Create Resend (POST /emails/activities/{campaign_activity_id}/non_opener_resends)',
	arbitrary: fc.record({
		subject: fc.oneof(A.text, A.value),
		unit: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('days', 'minutes') }, { weight: 1, arbitrary: A.value }),
		delay: fc.oneof(fc.integer({ min: -5, max: 15 }), fc.integer({ min: 700, max: 14_500 }), A.value),
	}),
	items: () => 1,
	field: /^(Resend Subject|Delay Unit|Delay \((?:Days|Minutes)\)): /,
	run: (input) => {
		const { body, problems } = resendBody(input.subject, input.unit, input.delay);
		return body ? [{ method: 'POST', template: '/emails/activities/{campaign_activity_id}/non_opener_resends', body }] : { problems };
	},
};

// Families of different input types in one list.
export const FAMILIES: Array<Family<any>> = [create, accountSync, signUp, update, importFamily, memberships, customFieldValues, customFieldCreate, customFieldUpdate, campaignResend, ...TRIGGER_FAMILIES];
