import type { IDataObject } from 'n8n-workflow';

import { findCustomField, normalizeKey } from './customFields';
import { readDate } from '../common/dates';
import type { MappingDefaults } from './defaults';
import { MAPPING_DEFAULTS } from './defaults';
import { LIMITS, endpointName } from './limits';
import type { AddressKind, ContactInput, ContactTarget, CustomFieldDefinition, PhoneKind, StreetAddressInput } from './types';
import { ADDRESS_KINDS, emptyContactInput } from './types';
import { isValidEmail } from '../common/email';
import { quote } from '../common/problems';
import { scalarText } from '../common/values';

export interface AutoMapResult {
	input: ContactInput;
	/** Item fields that matched no contact field and no custom field. */
	unmatched: string[];
	/** Labels and questions taken by a word in them ("What is your first name?"): a custom field of that name or label would come first. */
	guessed: string[];
	/** What the item held that is not sent (a fourth phone, a birthday that is no date), each with why: said in the output. */
	dropped: string[];
}

type Scalar = 'email' | 'first_name' | 'last_name' | 'job_title' | 'company_name' | 'anniversary';

/** Field names (normalised: lower case, letters and digits) that say what they hold. */
// Lookup tables without a prototype: an item's key such as `constructor` must find nothing.
const NAMES: Record<string, Scalar> = Object.create(null);
const alias = (field: Scalar, ...keys: string[]) => keys.forEach((k) => (NAMES[k] = field));
alias('email', 'email', 'emailaddress', 'mail', 'primaryemail', 'emails', 'respondentemail');
alias('first_name', 'firstname', 'givenname', 'fname', 'first', 'forename');
alias('last_name', 'lastname', 'surname', 'familyname', 'lname', 'last');
alias('job_title', 'jobtitle', 'title', 'position');
alias('company_name', 'companyname', 'company', 'organization', 'organisation', 'orgname');
alias('anniversary', 'anniversary');

const FULL_NAME = ['name', 'fullname', 'contactname', 'yourname'];
const BIRTHDAY = ['birthday', 'birthdate', 'dateofbirth', 'dob'];
/** Records whose `name` is the company: Pipedrive's `org_id`, a Salesforce query's `Account`. */
const COMPANY_RECORDS = ['orgid', 'org', 'account', 'organization', 'organisation', 'company'];

/** Phone fields: a kind when the name says it, `undefined` for a bare "phone". */
const PHONES: Record<string, PhoneKind | undefined> = Object.create(null);
const phones = (kind: PhoneKind | undefined, ...keys: string[]) => keys.forEach((k) => (PHONES[k] = kind));
phones(undefined, 'phone', 'phonenumber', 'phones', 'telephone', 'tel', 'contactnumber');
phones('home', 'homephone', 'phonehome', 'homephonenumber');
phones('work', 'workphone', 'businessphone', 'officephone', 'phonework', 'workphonenumber');
phones('mobile', 'mobilephone', 'mobile', 'cellphone', 'cell', 'mobilenumber', 'phonemobile', 'mobilephonenumber', 'cellnumber');
phones('other', 'otherphone', 'phoneother');

type Part = 'street' | 'street2' | 'streetNumber' | 'route' | 'city' | 'state' | 'postal_code' | 'country';
/** Address parts by field name, as CRMs, shops and forms name them. */
const PARTS: Record<string, Part> = Object.create(null);
const part = (p: Part, ...keys: string[]) => keys.forEach((k) => (PARTS[k] = p));
part('street', 'street', 'address', 'streetaddress', 'address1', 'addressline1', 'addressstreet', 'addrline1', 'line1');
part('street2', 'address2', 'addressline2', 'addrline2', 'line2', 'subpremise');
part('streetNumber', 'streetnumber');
part('route', 'route');
part('city', 'city', 'town', 'locality', 'addresscity');
part('state', 'state', 'province', 'region', 'stateprovince', 'stateorprovince', 'addressstate', 'adminarealevel1');
part('postal_code', 'postalcode', 'zip', 'zipcode', 'postcode', 'postal', 'addresspostalcode');
part('country', 'country', 'addresscountry', 'countryname');
/** Codes, taken only when the name is missing. */
const PART_FALLBACKS: Record<string, Part> = Object.assign(Object.create(null), { statecode: 'state', provincecode: 'state', countrycode: 'country' });

/** Flat address fields with a prefix (Salesforce `MailingCity`, `OtherStreet`) and the kind it names. */
const PREFIXES: Array<[string, AddressKind | undefined]> = [
	['mailing', undefined],
	['billing', undefined],
	['home', 'home'],
	['work', 'work'],
	['business', 'work'],
	['other', 'other'],
	['shipping', 'other'],
];

/** The kind an address record's own name says (`shipping` → other); undefined: the default. */
function kindInName(normal: string): AddressKind | undefined {
	if (normal.includes('shipping') || normal.startsWith('other')) return 'other';
	if (/work|business|office/.test(normal)) return 'work';
	if (normal.includes('home')) return 'home';
	return undefined;
}

/** Longer than any contact field name, alias, or custom field name or label (at most 50). */
const MAX_KEY_LENGTH = 200;
/** Constant Contact's limit on first and last names. */
const NAME_LIMIT = 50;

function isRecord(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An object holding an address: at least two address parts (a lone `address` is an organisation's, say). */
function isAddressRecord(value: unknown): value is IDataObject {
	if (!isRecord(value)) return false;
	return Object.keys(value).filter((k) => PARTS[normalizeKey(k)] !== undefined).length >= 2;
}

/** `q3_name` → `name`: Jotform's unresolved question keys carry their position first. */
function fieldName(key: string): string {
	return normalizeKey(/^q\d+_/i.test(key) ? key.replace(/^q\d+_/i, '') : key);
}

const digits = (value: string) => value.replace(/\D/g, '');

/** A phone number from a string, a number, Jotform's `{ full }` or `{ area, phone }`, or a `{ value }` entry. */
function phoneText(value: unknown): string | undefined {
	if (isRecord(value) && !('value' in value)) {
		if (value.full !== undefined) return scalarText(value.full);
		const joined = [value.area, value.phone].map((v) => scalarText(v) ?? '').join(' ').trim();
		return joined || undefined;
	}
	const text = scalarText(value);
	return text && digits(text).length >= 3 ? text : undefined;
}

interface FoundAddress {
	/** Where it came from: `main` (loose top-level fields), a prefix, or a record's key. */
	source: string;
	fromRecord: boolean;
	kind?: AddressKind;
	parts: Partial<Record<Part, string>>;
	email?: string;
	phone?: string;
}

interface FoundPhone {
	number: string;
	kind?: PhoneKind;
	/** A phone inside an address record takes that address's kind. */
	address?: FoundAddress;
}

/** What one item gave, before defaults and limits. */
class Found {
	scalars: Partial<Record<Scalar, string>> = {};
	fullName?: string;
	nameParts?: { first?: string; last?: string };
	birthdayMonth?: string;
	birthdayDay?: string;
	birthday?: unknown;
	addressKind?: string;
	phones: FoundPhone[] = [];
	addresses = new Map<string, FoundAddress>();
	customFields: ContactInput['custom_fields'] = [];

	set(field: Scalar, value: string | undefined): void {
		if (value !== undefined && this.scalars[field] === undefined) this.scalars[field] = value;
	}

	address(source: string, fromRecord: boolean, kind?: AddressKind): FoundAddress {
		let found = this.addresses.get(source);
		if (!found) {
			found = { source, fromRecord, kind, parts: {} };
			this.addresses.set(source, found);
		}
		return found;
	}
}

function readAddressRecord(found: Found, key: string, record: IDataObject): void {
	const address = found.address(`record:${key}`, true, kindInName(normalizeKey(key)));
	const fallbacks: Partial<Record<Part, string>> = {};
	for (const [k, v] of Object.entries(record)) {
		const n = normalizeKey(k);
		const text = scalarText(v);
		if (text === undefined) continue;
		const p = PARTS[n];
		if (p && address.parts[p] === undefined) address.parts[p] = text;
		else if (PART_FALLBACKS[n]) fallbacks[PART_FALLBACKS[n]] ??= text;
		else if (n === 'phone') address.phone ??= phoneText(v);
		else if (n === 'email' && isValidEmail(text)) address.email ??= text;
	}
	for (const [p, text] of Object.entries(fallbacks) as Array<[Part, string]>) address.parts[p] ??= text;
	// Pipedrive's postal_address: `value` is the formatted address, its parts beside it.
	if (address.parts.street === undefined && address.parts.route === undefined) {
		const formatted = scalarText(record.value);
		if (formatted) address.parts.street = formatted;
	}
	if (address.phone) found.phones.push({ number: address.phone, address });
}

function addPhones(found: Found, raw: unknown, kind: PhoneKind | undefined): void {
	const entries = Array.isArray(raw) ? raw : [raw];
	// Pipedrive: [{ label, value, primary }]; the primary first, each with its label as the kind.
	const sorted = [...entries].sort((a, b) => Number(isRecord(b) && b.primary === true) - Number(isRecord(a) && a.primary === true));
	for (const entry of sorted) {
		const number = phoneText(entry);
		if (!number) continue;
		const label = isRecord(entry) && typeof entry.label === 'string' && entry.label.length <= 20 ? entry.label.toLowerCase() : '';
		const labelled = (['home', 'work', 'mobile', 'other'] as PhoneKind[]).find((k) => k === label);
		found.phones.push({ number, kind: labelled ?? kind });
	}
}

/** A field whose name says what it is. Returns whether it was taken. */
function takeByName(found: Found, key: string, raw: unknown): boolean {
	const n = fieldName(key);
	if (isAddressRecord(raw)) {
		readAddressRecord(found, key, raw);
		return true;
	}
	if (n in PHONES) {
		addPhones(found, raw, PHONES[n]);
		return true;
	}
	for (const [prefix, kind] of [['', undefined] as [string, AddressKind | undefined], ...PREFIXES]) {
		const p = n.startsWith(prefix) ? PARTS[n.slice(prefix.length)] : undefined;
		// A record here is a value wrapper (HubSpot's { value, versions }) or not an address part at all.
		if (!p || (isRecord(raw) && !('value' in raw))) continue;
		const text = scalarText(raw);
		const address = found.address(prefix || 'main', false, kind);
		if (text !== undefined && address.parts[p] === undefined) address.parts[p] = text;
		return true;
	}
	if (n === 'addresskind' || n === 'addresstype') {
		found.addressKind ??= scalarText(raw);
		return true;
	}
	if (n === 'birthdaymonth' || n === 'birthdayday') {
		if (n === 'birthdaymonth') found.birthdayMonth ??= scalarText(raw);
		else found.birthdayDay ??= scalarText(raw);
		return true;
	}
	const scalar = NAMES[n];
	if (scalar) {
		const record = isRecord(raw) && typeof (raw.name ?? raw.Name) === 'string';
		found.set(scalar, scalar === 'company_name' && record ? scalarText((raw as IDataObject).name ?? (raw as IDataObject).Name) : scalarText(raw));
		return true;
	}
	if (FULL_NAME.includes(n)) {
		if (isRecord(raw) && ('first' in raw || 'last' in raw)) found.nameParts ??= { first: scalarText(raw.first), last: scalarText(raw.last) };
		else found.fullName ??= scalarText(raw);
		return true;
	}
	if (BIRTHDAY.includes(n)) {
		found.birthday ??= isRecord(raw) && !('value' in raw) ? raw : scalarText(raw);
		return true;
	}
	if (COMPANY_RECORDS.includes(n) && isRecord(raw) && typeof (raw.name ?? raw.Name) === 'string') {
		found.set('company_name', scalarText(raw.name ?? raw.Name));
		return true;
	}
	return false;
}

/** Words that make a label about something else than the person ("Company size", "Number of employees"). */
const NOT_ABOUT_THE_PERSON = /\b(size|type|industry|website|url|how many|number of)\b/;

/**
 * A label or a question ("What is your first name?", "Wedding anniversary"): taken by the words in it.
 * Only keys with a space: field names such as `AssistantPhone` or `HasOptedOutOfEmail` are never guessed.
 */
function takeByWords(found: Found, key: string, raw: unknown): boolean {
	if (!key.includes(' ')) return false;
	// Typeform's recalled answers ([field], {{field}}) are not words of the label; the classes stop at the
	// next opening bracket, so the scan stays linear.
	const text = key.toLowerCase().replace(/\[[^\][]*\]|\{\{[^{}]*\}\}/g, ' ');
	if (NOT_ABOUT_THE_PERSON.test(text)) return false;
	const value = typeof raw === 'string' || typeof raw === 'number' ? scalarText(raw) : undefined;
	if (value === undefined) return false;
	if (/\be-?mail\b/.test(text)) {
		if (!isValidEmail(value)) return false;
		found.set('email', value);
	} else if (/\b(last name|surname|family name)\b/.test(text)) found.set('last_name', value);
	else if (/\b(first name|given name|forename)\b/.test(text)) found.set('first_name', value);
	else if (/\b(full name|your name)\b/.test(text)) found.fullName ??= value;
	else if (/\b(job title|role)\b/.test(text)) found.set('job_title', value);
	else if (/\b(company|organi[sz]ation|employer)\b/.test(text)) found.set('company_name', value);
	else if (/\b(phone|telephone|mobile|cell)\b/.test(text)) {
		if (!phoneText(value)) return false;
		found.phones.push({ number: value, kind: /\b(mobile|cell)\b/.test(text) ? 'mobile' : undefined });
	} else if (/\b(birthday|date of birth|born)\b/.test(text)) found.birthday ??= value;
	else if (/\banniversary\b/.test(text)) found.set('anniversary', value);
	else return false;
	return true;
}

/** Typeform's raw answers: `{ type: 'email', email: '…' }`, its value under its type. */
function typedAnswer(value: unknown): { type: string; value: unknown } | undefined {
	if (!isRecord(value) || typeof value.type !== 'string' || !(value.type in value)) return undefined;
	const inner = value[value.type];
	return { type: value.type, value: isRecord(inner) ? (inner.label ?? inner.labels) : inner };
}

/**
 * An item's fields: top level first, then those inside a record the services wrap them in: HubSpot's
 * `properties`, Jotform's `rawRequest`, Typeform's `form_response.answers` (by question title, the raw
 * answers matched to `definition.fields`).
 */
function itemEntries(json: IDataObject): Array<[string, unknown]> {
	const entries: Array<[string, unknown]> = [];
	const nested: Array<[string, unknown]> = [];
	for (const [key, value] of Object.entries(json)) {
		if ((key === 'properties' || key === 'rawRequest') && isRecord(value)) nested.push(...Object.entries(value));
		else if (key === 'form_response' && isRecord(value)) nested.push(...typeformAnswers(value));
		else entries.push([key, value]);
	}
	return [...entries, ...nested];
}

function typeformAnswers(response: IDataObject): Array<[string, unknown]> {
	const answers = response.answers;
	if (isRecord(answers)) return Object.entries(answers);
	if (!Array.isArray(answers)) return [];
	const fields = isRecord(response.definition) && Array.isArray(response.definition.fields) ? response.definition.fields : [];
	const titles = new Map(fields.filter(isRecord).map((f) => [String(f.id), String(f.title ?? '')]));
	return answers.filter(isRecord).map((answer, i): [string, unknown] => {
		const id = isRecord(answer.field) ? String(answer.field.id) : '';
		const title = (titles.get(id) ?? '').replace(/\{\{/g, '[').replace(/\}\}/g, ']');
		return [title || `answer ${i + 1}`, typedAnswer(answer)?.value ?? answer];
	});
}

/** A custom field's value: text, or a checkbox answer's choices comma-separated. */
function customValue(raw: unknown): string | undefined {
	if (Array.isArray(raw) && raw.every((v) => typeof v === 'string' || typeof v === 'number')) {
		const joined = raw.map(String).filter((v) => v.trim()).join(', ');
		return joined || undefined;
	}
	return scalarText(raw);
}

function streetOf(parts: Partial<Record<Part, string>>): string | undefined {
	const line1 = parts.street ?? ([parts.streetNumber, parts.route].filter(Boolean).join(' ') || undefined);
	const line2 = parts.street2;
	if (line1 && line2 && !line1.includes(line2)) return `${line1}, ${line2}`;
	return line1 ?? line2;
}

function sameAddress(a: StreetAddressInput, b: StreetAddressInput): boolean {
	const key = (x: StreetAddressInput) => [x.street, x.city, x.postal_code].map((v) => normalizeKey(v ?? '')).join('|');
	return key(a) === key(b);
}

/** The item's addresses with their kinds: records over loose fields, no duplicates, at most `max`; the others go to `left`. */
function addressesOf(found: Found, defaults: MappingDefaults, max: number, left: StreetAddressInput[]): Map<FoundAddress, StreetAddressInput> {
	const result = new Map<FoundAddress, StreetAddressInput>();
	const hasRecord = [...found.addresses.values()].some((a) => a.fromRecord);
	const used = new Set<string>();
	const explicitKind = String(found.addressKind ?? '').toLowerCase();
	for (const address of found.addresses.values()) {
		// An address record (Shopify's default_address) wins over loose top-level fields, which then
		// mean something else (a Shopify customer's `state` is its account state).
		if (address.source === 'main' && hasRecord) continue;
		const { parts } = address;
		const street = streetOf(parts);
		// A lone state is not an address.
		if (!street && !parts.city && !parts.postal_code && !parts.country) continue;
		const candidate: StreetAddressInput = {
			...(street ? { street } : {}),
			...(parts.city ? { city: parts.city } : {}),
			...(parts.state ? { state: parts.state } : {}),
			...(parts.postal_code ? { postal_code: parts.postal_code } : {}),
			...(parts.country ? { country: parts.country } : {}),
		};
		const duplicate = [...result.entries()].find(([, a]) => sameAddress(a, candidate));
		if (duplicate) {
			// The same address twice (Salesforce's MailingCity and MailingAddress): one, under the first.
			result.set(address, duplicate[1]);
			continue;
		}
		if (new Set(result.values()).size >= max) {
			left.push(candidate);
			continue;
		}
		const named = address.source === 'main' && (ADDRESS_KINDS as readonly string[]).includes(explicitKind) ? (explicitKind as AddressKind) : address.kind;
		let kind = named ?? defaults.addressKind;
		// One address per kind: a second one of the same kind becomes "other" (or is left out).
		if (used.has(kind)) {
			const free = (['other', 'work', 'home'] as AddressKind[]).find((k) => !used.has(k));
			if (!free) {
				left.push(candidate);
				continue;
			}
			kind = free;
		}
		used.add(kind);
		result.set(address, { kind, ...candidate });
	}
	return result;
}

/**
 * "Map Automatically": takes the item's fields by what their names say, as forms, CRMs and shops name
 * them (case, spaces and underscores do not matter): Constant Contact's own names and common variants
 * (`Email`, `First Name`, `firstname`, `MobilePhone`, `zip`), records inside the item (HubSpot's
 * `properties`, an address record such as Shopify's `default_address`, WooCommerce's `billing`,
 * Salesforce's `MailingAddress`, Jotform's `{ first, last }` name and `{ month, day, year }` date),
 * Pipedrive's lists of `{ label, value, primary }`, the account's custom fields by name or label, then
 * labels and questions by their words ("What is your first name?"). Kinds the data names are kept
 * (a labelled phone, a `shipping` address); the rest take `defaults`, so no sensible item is refused.
 */
export function autoMapItem(
	json: IDataObject,
	target: ContactTarget,
	customFieldDefinitions?: CustomFieldDefinition[],
	defaults: MappingDefaults = MAPPING_DEFAULTS,
): AutoMapResult {
	const found = new Found();
	const unmatched: string[] = [];
	const guessed: string[] = [];
	const dropped: string[] = [];
	const entries = itemEntries(json);
	// No field or custom field name or label is this long: such a key is not normalised (scanned) at all.
	const named = entries.filter(([key]) => key.length <= MAX_KEY_LENGTH);
	unmatched.push(...entries.filter(([key]) => key.length > MAX_KEY_LENGTH).map(([key]) => key));
	const rest = named.filter(([key, raw]) => !takeByName(found, key, raw));
	for (const [key, raw] of rest) {
		const definition = customFieldDefinitions ? findCustomField(key, customFieldDefinitions) : undefined;
		if (definition) {
			const value = customValue(raw);
			if (value !== undefined) found.customFields.push({ key: definition.custom_field_id, value });
		} else if (takeByWords(found, key, raw)) guessed.push(key);
		else unmatched.push(key);
	}

	// No email by name: a typed answer (Typeform), an address record's email, or a value that is one.
	if (found.scalars.email === undefined) {
		const values = Object.values(json);
		const typed = values.map(typedAnswer).find((a) => a?.type === 'email' && typeof a.value === 'string');
		const fromAddress = [...found.addresses.values()].find((a) => a.email)?.email;
		const plain = values.find((v): v is string => typeof v === 'string' && isValidEmail(v.trim()));
		found.set('email', (typed?.value as string | undefined) ?? fromAddress ?? plain?.trim());
	}
	if (!found.phones.length) {
		const typed = Object.values(json).map(typedAnswer).find((a) => a?.type === 'phone_number');
		const number = typed ? phoneText(typed.value) : undefined;
		if (number) found.phones.push({ number });
	}

	const input = emptyContactInput();
	for (const [field, value] of Object.entries(found.scalars) as Array<[Scalar, string]>) {
		if (field === 'email') input.email = value;
		else if (field === 'anniversary') input.anniversary = value;
		else input[field] = value;
	}
	if (input.first_name === undefined && input.last_name === undefined) {
		if (found.nameParts) {
			if (found.nameParts.first) input.first_name = found.nameParts.first;
			if (found.nameParts.last) input.last_name = found.nameParts.last;
		} else if (found.fullName && found.fullName.length > 2 * NAME_LIMIT + 1) {
			// Too long for first and last name together: validation reports it by its length, unsplit.
			input.first_name = found.fullName;
		} else if (found.fullName) {
			const [first, ...others] = found.fullName.split(/\s+/);
			input.first_name = first;
			if (others.length) input.last_name = others.join(' ');
		}
	}
	if (found.birthdayMonth !== undefined || found.birthdayDay !== undefined) {
		input.birthday_month = found.birthdayMonth;
		input.birthday_day = found.birthdayDay;
	} else if (found.birthday !== undefined) {
		// A birthday that is not a date is left out rather than refusing the item.
		const date = readDate(found.birthday, defaults.dateOrder);
		if (date) {
			input.birthday_month = String(date.month);
			input.birthday_day = String(date.day);
		} else if (typeof found.birthday === 'string') {
			dropped.push(`Birthday ${quote(found.birthday)}: not a date`);
		} else if (isRecord(found.birthday) && Object.values(found.birthday).some((v) => scalarText(v) !== undefined)) {
			// An empty date question (Jotform's { month: '', day: '', year: '' }) held nothing to drop.
			dropped.push('Birthday: its parts are not a date');
		}
	}

	const limits = LIMITS.byTarget[target];
	const overLimit = (what: string, text: string, max: number) =>
		dropped.push(`${what} ${quote(text)}: Constant Contact takes at most ${max} per contact on ${endpointName(target)}`);
	const left: StreetAddressInput[] = [];
	const addresses = addressesOf(found, defaults, limits.streetAddresses, left);
	input.street_addresses = [...new Set(addresses.values())];
	for (const a of left) overLimit('Street Address', [a.street, a.city, a.state, a.postal_code, a.country].filter(Boolean).join(', '), limits.streetAddresses);
	const seen = new Set<string>();
	for (const phone of found.phones) {
		const key = digits(phone.number);
		if (seen.has(key)) continue;
		seen.add(key);
		if (input.phone_numbers.length >= limits.phoneNumbers) {
			overLimit('Phone Number', phone.number, limits.phoneNumbers);
			continue;
		}
		const kind = phone.kind ?? (phone.address ? addresses.get(phone.address)?.kind : undefined) ?? defaults.phoneKind;
		input.phone_numbers.push(target === 'contacts' ? { phone_number: phone.number, kind } : { phone_number: phone.number });
	}
	input.custom_fields = found.customFields;
	return { input, unmatched, guessed, dropped };
}
