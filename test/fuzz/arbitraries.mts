/**
 * Hostile inputs for the property-based tests and `npm run fuzz`: arbitrary JSON items as forms,
 * CRMs, spreadsheets and AI agents send them. Unicode and control characters, lone surrogates,
 * strings at and over every limit and a 1 MB one, numbers (NaN, Infinity, -0), booleans, nulls,
 * lists and nested objects where text is expected, `__proto__`/`constructor`/`prototype` keys,
 * dates in every format, emails at and over 50 and 80 characters. Stored contacts and custom field
 * definitions are generated as Constant Contact returns them (the answers' own hardening is tested
 * against the fake).
 */
import fc from 'fast-check';

import { contactFieldSpecs } from '../../nodes/ConstantContact/mapping/contact/fields.ts';

/** One shared 1 MB value: rejected by its length, never scanned. */
export const ONE_MB = 'x'.repeat(1_000_000);

const LIMIT_LENGTHS = [1, 24, 25, 26, 49, 50, 51, 79, 80, 81, 254, 255, 256, 1999, 2000, 2001];
const UNITS = ['a', 'é', '😀', ' ', '\u0000', '\u202e', '\ud800', '.', ','];

const SPECIAL_TEXT = [
	'',
	' ',
	'\t\n\r',
	'null',
	'undefined',
	'NaN',
	'[object Object]',
	'__proto__',
	'constructor',
	'prototype',
	'<script>alert(1)</script>',
	"'; DROP TABLE contacts; --",
	'../../contacts',
	'%2e%2e%2f',
	'%00',
	'\u0000',
	'\ufeff',
	'ｅｍａｉｌ',
	'home',
	'Work',
	'MOBILE',
	'other',
	'1,2,3',
	',,,',
	'a,b',
];

export const text: fc.Arbitrary<string> = fc.oneof(
	{ weight: 6, arbitrary: fc.string({ maxLength: 20 }) },
	{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
	{ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
	{ weight: 2, arbitrary: fc.tuple(fc.constantFrom(...LIMIT_LENGTHS), fc.constantFrom(...UNITS)).map(([n, u]) => u.repeat(n)) },
	{ weight: 2, arbitrary: fc.constantFrom(...SPECIAL_TEXT) },
	{ weight: 1, arbitrary: fc.constant(ONE_MB) },
);

const atLength = (n: number) => `${'a'.repeat(Math.max(1, n - 12))}@example.com`;

export const email: fc.Arbitrary<string> = fc.oneof(
	{ weight: 6, arbitrary: fc.emailAddress() },
	{ weight: 3, arbitrary: fc.constantFrom(49, 50, 51, 79, 80, 81).map(atLength) },
	{ weight: 2, arbitrary: fc.tuple(text, text).map(([a, b]) => `${a}@${b}`) },
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'a@b.co',
			'A@B.CO',
			'  padded@example.com  ',
			'no-at-sign',
			'two@@example.com',
			'a@b',
			'a@b.',
			'a@.b',
			'a..b@example.com',
			'a@b..co',
			'"quoted"@example.com',
			'ünïcødé@exämple.com',
			'a@b.c\u0000',
			`${'a'.repeat(64)}@${'b'.repeat(200)}.com`,
			`a@${'.'.repeat(5000)}@`,
			ONE_MB,
		),
	},
	{ weight: 1, arbitrary: text },
);

function formatted(d: Date): fc.Arbitrary<string | number> {
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth() + 1;
	const day = d.getUTCDate();
	const pad = (n: number) => String(n).padStart(2, '0');
	return fc.constantFrom(
		d.toISOString(),
		d.toISOString().slice(0, 10),
		d.toISOString().replace('Z', '+05:30'),
		d.toUTCString(),
		d.toString(),
		`${m}/${day}/${y}`,
		`${pad(m)}/${pad(day)}/${y}`,
		`${y}/${m}/${day}`,
		`${pad(day)}.${pad(m)}.${y}`,
		`${pad(m)}-${pad(day)}-${y}`,
		`${pad(m)}/${pad(day)}`,
		d.getTime(),
		String(d.getTime()),
	);
}

export const date: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 4, arbitrary: fc.date({ noInvalidDate: true, min: new Date(-62_000_000_000_000), max: new Date(253_000_000_000_000) }).chain(formatted) },
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'2024-02-29',
			'2023-02-29',
			'2024-13-01',
			'2024-04-31',
			'0000-00-00',
			'9999-99-99',
			'31/12/1999',
			'1999-12-31T23:59:59Z',
			'1999-12-31T24:00:00Z',
			'May 17, 1990',
			'17 May',
			'1e3',
			'Invalid Date',
			'2020-01-01T00:00:00.000000000000000000000000000001Z',
		),
	},
	{ weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
	{ weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
);

export const scalar: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 8, arbitrary: text },
	{ weight: 2, arbitrary: fc.integer() },
	{ weight: 2, arbitrary: fc.double() },
	{ weight: 1, arbitrary: fc.constantFrom(0, -0, 1, 12, 13, 31, 32, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity, -Infinity, 1e21) },
	{ weight: 1, arbitrary: fc.boolean() },
	{ weight: 1, arbitrary: fc.constant(null) },
	{ weight: 1, arbitrary: fc.constant(undefined) },
	{ weight: 2, arbitrary: date },
	{ weight: 2, arbitrary: email },
	{ weight: 1, arbitrary: fc.uuid() },
);

/** An array nested `depth` deep around a value: a shape no form sends, which must not exhaust the stack. */
const nested = (depth: number, inner: unknown) => {
	let value = inner;
	for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { value };
	return value;
};

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Objects built from entries, so `__proto__` becomes an own key (as JSON.parse makes it), never the prototype. */
const objectOf = (entries: Array<[string, unknown]>) => Object.fromEntries(entries) as Record<string, unknown>;

const innerKey = fc.oneof(fc.constantFrom('value', 'primary', 'label', ...DANGEROUS_KEYS), fc.string({ maxLength: 8 }));

export const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		{ weight: 10, arbitrary: scalar },
		{ weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
		{ weight: 2, arbitrary: fc.array(fc.tuple(innerKey, tie('value')), { maxLength: 4 }).map(objectOf) },
		{
			weight: 2,
			arbitrary: fc
				.array(fc.record({ value: tie('value'), primary: fc.boolean(), label: fc.oneof(text, fc.constantFrom('home', 'work', 'mobile', 'other')) }), {
					minLength: 1,
					maxLength: 3,
				}),
		},
		{ weight: 1, arbitrary: fc.tuple(fc.constantFrom(10, 100, 10_000), scalar).map(([d, v]) => nested(d, v)) },
	),
})).value;

/** Names Map Automatically reads: the fields' own IDs and display names, and the CRM and form names it knows. */
const CRM_KEYS = ['firstname', 'lastname', 'jobtitle', 'companyname', 'mobilephone', 'homephone', 'workphone', 'zip', 'postalcode', 'city', 'state', 'country', 'address', 'address1', 'MailingStreet', 'MailingCity', 'default_address', 'billing', 'org_id', 'emails', 'phones', 'What is your first name?', 'Your email', 'date_of_birth'];
const aliases = [...new Set([...contactFieldSpecs('contacts'), ...contactFieldSpecs('sign_up_form')].flatMap((s) => [s.id, s.displayName]).concat(CRM_KEYS))];

export const fieldKey: fc.Arbitrary<string> = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...aliases, 'Email', 'E-Mail', 'EMAIL', 'First Name', 'first_name', 'Name', 'Full Name', 'Birthday', 'dob', 'Phone', 'org_name', 'properties') },
	{ weight: 1, arbitrary: fc.constantFrom(...DANGEROUS_KEYS) },
	{ weight: 2, arbitrary: text.filter((t) => t.length < 100) },
	{ weight: 1, arbitrary: fc.constant(ONE_MB) },
);

/** A custom field as `GET /contact_custom_fields` returns it. */
export const definition = fc
	.record({
		custom_field_id: fc.uuid(),
		label: fc.oneof(fc.constantFrom('Favorite Color', 'Plan', 'Shoe Size', 'first name', 'email', '__proto__'), fc.string({ minLength: 1, maxLength: 50 })),
		name: fc.option(fc.string({ minLength: 1, maxLength: 50 }), { nil: undefined }),
		type: fc.constantFrom('string', 'number', 'date', 'boolean', 'currency', 'single_select', 'multi_select'),
		choices: fc.array(fc.record({ choice_id: fc.nat(1000), choice_label: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Gold', 'Silver', 'a,b')) }), {
			maxLength: 5,
		}),
	})
	.map((d) => (d.type.endsWith('select') ? d : { ...d, choices: undefined }));

export const definitions = fc.uniqueArray(definition, { maxLength: 4, selector: (d) => d.custom_field_id });

/** Keys for custom fields as an item names them: a definition's ID, name or label (any case), or none. */
export const customFieldKey = (defs: Array<{ custom_field_id: string; label: string; name?: string }>) =>
	defs.length
		? fc.oneof(
				fc.constantFrom(...defs.flatMap((d) => [d.custom_field_id, d.label, d.label.toUpperCase(), ...(d.name ? [d.name] : [])])),
				fc.uuid(),
				text.filter((t) => t.length < 100),
			)
		: fc.oneof(fc.uuid(), text.filter((t) => t.length < 100));

/** An item's JSON: field names and CRM shapes mixed with garbage; sometimes a HubSpot `properties` object. */
export const item = (defs: Array<{ custom_field_id: string; label: string; name?: string }>) =>
	fc
		.tuple(
			fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fieldKey }, { weight: 1, arbitrary: customFieldKey(defs) }), value), { maxLength: 12 }),
			fc.option(fc.array(fc.tuple(fieldKey, value), { maxLength: 6 }), { nil: undefined }),
			fc.option(email, { nil: undefined }),
		)
		.map(([entries, properties, mail]) => {
			const json = objectOf(entries);
			if (mail !== undefined && !Object.hasOwn(json, 'email')) json.email = mail;
			if (properties) json.properties = objectOf(properties);
			return json;
		});

/** "Map Each Field Below": values by mapper field ID, as expressions can make them. */
export const mapperValues = (defs: Array<{ custom_field_id: string }>, target: 'contacts' | 'sign_up_form') => {
	const ids = [...contactFieldSpecs(target).map((s) => s.id), ...defs.map((d) => `custom_field:${d.custom_field_id}`), 'custom_field:not-a-uuid', '__proto__', 'unknown'];
	return fc
		.tuple(fc.array(fc.tuple(fc.constantFrom(...ids), value), { maxLength: 10 }), email)
		.map(([entries, mail]) => ({ email_address: mail, ...objectOf(entries) }));
};

const locator = fc.oneof(
	{ weight: 4, arbitrary: fc.record({ __rl: fc.constant(true), mode: fc.constantFrom('list', 'id'), value: fc.oneof(fc.uuid(), fc.uuid().map((u) => `${u}, ${u}`), text, value) }) },
	{ weight: 1, arbitrary: value },
);

/** The list picker's `list` entries (or whatever an expression put there). */
export const listPicker = fc.oneof(
	{ weight: 4, arbitrary: fc.array(fc.record({ list: locator }), { maxLength: 4 }) },
	{ weight: 1, arbitrary: fc.uniqueArray(fc.uuid(), { minLength: 49, maxLength: 52 }).map((ids) => ids.map((id) => ({ list: { __rl: true, mode: 'id', value: id } }))) },
	{ weight: 1, arbitrary: value },
);

export const tagParameter = fc.oneof(
	{ weight: 3, arbitrary: fc.array(fc.oneof(fc.uuid(), text), { maxLength: 4 }) },
	{ weight: 1, arbitrary: fc.uniqueArray(fc.uuid(), { minLength: 49, maxLength: 52 }) },
	{ weight: 1, arbitrary: value },
);

const collection = <T,>(inner: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.array(inner, { maxLength: 4 }) }, { weight: 1, arbitrary: value });

/** Additional Fields: phones, addresses, custom fields and notes, each possibly from an expression. */
export const additional = (defs: Array<{ custom_field_id: string; label: string; name?: string }>) =>
	fc.record(
		{
			phoneNumbers: fc.record({ phoneNumber: collection(fc.record({ phone_number: value, kind: fc.oneof(fc.constantFrom('home', 'work', 'mobile', 'other'), value) })) }),
			streetAddresses: fc.record({
				streetAddress: collection(
					fc.record({ kind: fc.oneof(fc.constantFrom('home', 'work', 'other'), value), street: value, city: value, state: value, postal_code: value, country: value }),
				),
			}),
			customFields: fc.record({ customField: collection(fc.record({ custom_field_id: fc.oneof(customFieldKey(defs), value), value })) }),
			notes: fc.record({ note: collection(fc.record({ content: value })) }),
		},
		{ requiredKeys: [] },
	);

const short = (max: number) => fc.string({ maxLength: max });
const kindsOf = <K extends string>(kinds: K[]) => fc.subarray(kinds, { maxLength: 3 });

/** A contact as Constant Contact stores and returns it (`GET /contacts/{id}?include=…`). */
export const storedContact = fc
	.record(
		{
			contact_id: fc.uuid(),
			email_address: fc.record({
				address: fc.oneof(fc.emailAddress().filter((e) => e.length <= 80), fc.constant('stored@example.com')),
				permission_to_send: fc.constantFrom('explicit', 'implicit', 'not_set', 'pending_confirmation', 'temp_hold', 'unsubscribed'),
				opt_out_source: fc.constantFrom('Account', 'Contact'),
			}),
			first_name: short(50),
			last_name: short(50),
			job_title: short(50),
			company_name: short(50),
			birthday: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })),
			anniversary: fc.constantFrom('2020-01-05', '01/05/2020', '2020/1/5'),
			custom_fields: fc.array(fc.record({ custom_field_id: fc.uuid(), value: short(255) }), { maxLength: 25 }),
			phone_kinds: kindsOf(['home', 'work', 'mobile', 'other']),
			phone: short(25),
			address_kinds: kindsOf(['home', 'work', 'other']),
			city: short(50),
			list_memberships: fc.uniqueArray(fc.uuid(), { maxLength: 50 }),
			taggings: fc.uniqueArray(fc.uuid(), { maxLength: 50 }),
			notes: fc.array(fc.record({ note_id: fc.uuid(), created_at: fc.constant('2024-05-01T10:00:00Z'), content: short(2000) }), { maxLength: 4 }),
			deleted_at: fc.constant('2024-05-01T10:00:00Z'),
		},
		{ requiredKeys: ['contact_id', 'email_address'] },
	)
	.map(({ birthday, phone_kinds, phone, address_kinds, city, ...rest }) => ({
		...rest,
		...(birthday ? { birthday_month: birthday[0], birthday_day: birthday[1] } : {}),
		...(phone_kinds ? { phone_numbers: phone_kinds.map((kind, i) => ({ phone_number: `${phone ?? ''}${i}`.slice(-25), kind })) } : {}),
		...(address_kinds ? { street_addresses: address_kinds.map((kind) => ({ kind, city: city ?? 'X' })) } : {}),
	}));

// Plausible inputs: what forms and CRMs usually send, with a bad field now and then.

const mild: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 16, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 52 }) },
	{ weight: 2, arbitrary: fc.constant(undefined) },
	{ weight: 1, arbitrary: value },
);
const mildEmail = fc.oneof({ weight: 9, arbitrary: fc.emailAddress().filter((e) => e.length <= 50) }, { weight: 1, arbitrary: email });
const birthday = fc.oneof(
	{ weight: 6, arbitrary: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })) },
	{ weight: 1, arbitrary: fc.tuple(fc.oneof(fc.integer(), scalar), fc.oneof(fc.integer(), scalar)) },
);
const anniversary = fc.oneof(fc.constantFrom('2015-06-01', '6/1/2015', '2015/06/01', '06-01-2015', '2015-06-01T00:00:00.000Z'), date);
const phoneNumber = fc.oneof({ weight: 6, arbitrary: fc.stringMatching(/^\+?[0-9 ()-]{3,20}$/) }, { weight: 1, arbitrary: scalar });

export const plausibleItem = (defs: Array<{ custom_field_id: string; label: string; name?: string; choices?: Array<{ choice_label?: string }> }>) =>
	fc
		.record(
			{
				Email: mildEmail,
				'First Name': mild,
				lastname: mild,
				company: mild,
				'Job Title': mild,
				Phone: phoneNumber,
				'Address Kind': fc.constantFrom('home', 'work', 'other'),
				city: mild,
				zip: mild,
				Birthday: fc.oneof(anniversary, fc.constant(undefined)),
				anniversary,
				custom: defs.length
					? fc.tuple(fc.constantFrom(...defs), fc.oneof(mild, fc.constantFrom('Gold', 'Silver'))).map(([d, v]) => [d.label, (d.choices?.[0]?.choice_label ?? v) as unknown] as const)
					: fc.constant(undefined),
			},
			{ requiredKeys: ['Email', 'Address Kind'] },
		)
		.map(({ custom, ...rest }) => ({ ...rest, ...(custom ? { [custom[0]]: custom[1] } : {}) }) as Record<string, unknown>);

export const plausibleValues = (defs: Array<{ custom_field_id: string; choices?: Array<{ choice_label?: string }> }>, target: 'contacts' | 'sign_up_form') =>
	fc
		.record(
			{
				email_address: mildEmail,
				first_name: mild,
				last_name: mild,
				job_title: mild,
				company_name: mild,
				phone: phoneNumber,
				'street_address:kind': fc.constantFrom('home', 'work', 'other', 'Home'),
				'street_address:street': mild,
				'street_address:city': mild,
				'street_address:country': mild,
				birthday,
				anniversary,
				custom: defs.length ? fc.tuple(fc.constantFrom(...defs), mild) : fc.constant(undefined),
			},
			{ requiredKeys: ['email_address'] },
		)
		.map(({ phone, birthday: b, custom, ...rest }) => ({
			...rest,
			...(phone !== undefined ? { [target === 'contacts' ? 'phone_number:mobile' : 'phone_number']: phone } : {}),
			...(b ? { birthday_month: b[0], birthday_day: b[1] } : {}),
			...(custom ? { [`custom_field:${custom[0].custom_field_id}`]: custom[0].choices?.[0]?.choice_label ?? custom[1] } : {}),
		}));

export const plausibleAdditional = (defs: Array<{ custom_field_id: string; label: string; name?: string }>, target: 'contacts' | 'sign_up_form') =>
	fc.record(
		{
			// The sign-up form takes one phone and one address, both from the mapper.
			phoneNumbers: fc.record({
				phoneNumber: fc.array(fc.record({ phone_number: phoneNumber, kind: fc.constantFrom('home', 'work', 'mobile', 'other') }), { maxLength: target === 'contacts' ? 2 : 0 }),
			}),
			streetAddresses: fc.record({
				streetAddress: fc.array(fc.record({ kind: fc.constantFrom('home', 'work', 'other'), street: mild, city: mild, postal_code: mild }), {
					maxLength: target === 'contacts' ? 1 : 0,
				}),
			}),
			customFields: fc.record({
				customField: fc.array(
					fc.record({ custom_field_id: defs.length ? fc.constantFrom(...defs.map((d) => d.custom_field_id)) : fc.uuid(), value: mild }),
					{ maxLength: defs.length ? 2 : 0 },
				),
			}),
			notes: fc.record({ note: fc.array(fc.record({ content: mild }), { maxLength: 2 }) }),
		},
		{ requiredKeys: [] },
	);

export const plausibleLists = (target: 'contacts' | 'sign_up_form') =>
	fc.oneof(
		{ weight: 8, arbitrary: fc.uniqueArray(fc.uuid(), { minLength: target === 'sign_up_form' ? 1 : 0, maxLength: 3 }).map((ids) => ids.map((id) => ({ list: { __rl: true, mode: fc.sample(fc.constantFrom('list', 'id'), 1)[0], value: id } }))) },
		{ weight: 1, arbitrary: listPicker },
	);

export const plausibleTags = fc.oneof({ weight: 8, arbitrary: fc.uniqueArray(fc.uuid(), { maxLength: 3 }) }, { weight: 1, arbitrary: tagParameter });

// The trigger: stored state as n8n keeps it (or as anything may have left it), and answers as they may come.

const MINUTE = 60_000;
/** The polls' clock: any moment from 1970 to 2200. */
export const pollNow = fc.integer({ min: 0, max: 7_258_118_400_000 });

/** A time near `now` as Constant Contact writes it: within the overlaps, older, or dated in the future. */
const nearTime = (now: number) =>
	fc.oneof(
		{ weight: 4, arbitrary: fc.integer({ min: -40 * MINUTE, max: 5 * MINUTE }) },
		{ weight: 1, arbitrary: fc.constantFrom(0, -1, 1, -5 * MINUTE, 2 * MINUTE, 2 * MINUTE + 1, 100 * 365 * 24 * 60 * MINUTE, -30 * 24 * 60 * MINUTE) },
	).map((offset) => new Date(Math.min(8.64e15, Math.max(-8.64e15, now + offset))).toISOString());

/** A row's time: mostly an ISO time near now (equal times often), sometimes anything a date can be. */
export const rowTime = (now: number) => fc.oneof({ weight: 6, arbitrary: nearTime(now) }, { weight: 1, arbitrary: date }, { weight: 1, arbitrary: value });

const seenKey = fc.oneof(fc.uuid(), fc.constantFrom(...DANGEROUS_KEYS), fc.string({ maxLength: 8 }));

/** A stored stream: valid, a little ahead, far in the future, partly or wholly garbage, or missing. */
export const storedStream = (now: number) =>
	fc.oneof(
		{ weight: 4, arbitrary: fc.record({ position: nearTime(now), seen: fc.array(fc.tuple(seenKey, fc.integer({ min: now - 60 * MINUTE, max: now + 10 * MINUTE })), { maxLength: 6 }).map(objectOf) }) },
		{ weight: 1, arbitrary: fc.record({ position: fc.oneof(date, value), seen: fc.oneof(value, fc.array(fc.tuple(seenKey, scalar), { maxLength: 4 }).map(objectOf)) }, { requiredKeys: [] }) },
		{ weight: 1, arbitrary: value },
		{ weight: 1, arbitrary: fc.constant(undefined) },
	);

/** A tracking or summary row: the fields the trigger reads, each usually right and sometimes anything. */
export const triggerRow = (now: number) =>
	fc
		.record(
			{
				contact_id: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom(...DANGEROUS_KEYS) }, { weight: 1, arbitrary: value }),
				campaign_id: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: value }),
				created_time: rowTime(now),
				last_sent_date: rowTime(now),
				bounce_code: fc.oneof(fc.constantFrom('B', 'D', 'F', 'S', 'V', 'X', 'Z'), value),
				url_id: fc.oneof(fc.constantFrom('1000', '1001'), value),
				extra: fc.array(fc.tuple(innerKey, value), { maxLength: 3 }),
			},
			{ requiredKeys: [] },
		)
		.map(({ extra, ...row }) => ({ ...objectOf(extra ?? []), ...row }));

/** A page of a report as it may come: the contract's shape, or anything in its place. */
export const triggerPage = (now: number, property: string) =>
	fc.oneof(
		{ weight: 6, arbitrary: fc.array(triggerRow(now), { maxLength: 8 }).map((rows) => ({ [property]: rows })) },
		{ weight: 2, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: triggerRow(now) }, { weight: 1, arbitrary: value }), { maxLength: 4 }).map((rows) => ({ [property]: rows })) },
		{ weight: 1, arbitrary: fc.record({ [property]: value, _links: fc.oneof(value, fc.record({ next: fc.oneof(value, fc.record({ href: fc.oneof(value, fc.constant('/v3/next?cursor=1')) })) })) }, { requiredKeys: [] }) },
		{ weight: 1, arbitrary: fc.constant({ [property]: Array.from({ length: 1001 }, () => ({})) }) },
		{ weight: 1, arbitrary: value },
	);

/** `GET /emails/{campaign_id}` as it may come. */
export const triggerCampaign = fc.oneof(
	{ weight: 4, arbitrary: fc.record({ name: fc.oneof(text, value), campaign_activities: fc.array(fc.record({ role: fc.oneof(fc.constantFrom('primary_email', 'resend', 'permalink'), value), campaign_activity_id: fc.oneof(fc.uuid(), value) }), { maxLength: 3 }) }, { requiredKeys: [] }) },
	{ weight: 1, arbitrary: fc.record({ campaign_activities: fc.array(value, { maxLength: 3 }) }) },
	{ weight: 1, arbitrary: value },
);
