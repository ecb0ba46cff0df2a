// Field rules Constant Contact enforces on contacts (README "Contacts"). They run whether or not
// contract validation is on, and also check what the swagger cannot express (kinds, birthday pairs,
// existing ids). Messages name the field with a JSON pointer, as the real validator does.
import type { FakeState } from '../state.mts';
import { isObj } from './context.mts';
import type { Obj } from './context.mts';

export const PHONE_KINDS = ['home', 'work', 'mobile', 'other'];
export const ADDRESS_KINDS = ['home', 'work', 'other'];
export const PERMISSIONS = ['explicit', 'implicit', 'not_set', 'pending_confirmation', 'temp_hold', 'unsubscribed'];
export const SOURCES = ['Account', 'Contact'];
const NAME_FIELDS = ['first_name', 'last_name', 'job_title', 'company_name'] as const;

export const isEmail = (s: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

/** Collects `#/path: message` errors. */
class Errors {
	list: string[] = [];
	add(path: string, message: string): void {
		this.list.push(`#/${path}: ${message}`);
	}
	str(path: string, v: unknown, max: number, required = false): v is string {
		if (v === undefined && !required) return false;
		if (typeof v !== 'string') {
			this.add(path, v === undefined ? 'is required' : 'must be a string');
			return false;
		}
		if (v.length > max) this.add(path, `expected maxLength: ${max}, actual: ${v.length}`);
		return true;
	}
	arr(path: string, v: unknown, max: number, min = 0): v is unknown[] {
		if (v === undefined) return false;
		if (!Array.isArray(v)) {
			this.add(path, 'must be an array');
			return false;
		}
		if (v.length > max) this.add(path, `expected maximum item count: ${max}, found: ${v.length}`);
		if (v.length < min) this.add(path, `expected minimum item count: ${min}, found: ${v.length}`);
		return true;
	}
	oneOf(path: string, v: unknown, allowed: string[]): void {
		if (typeof v !== 'string' || !allowed.includes(v)) this.add(path, `${JSON.stringify(v)} is not a valid value; use one of ${allowed.join(', ')}`);
	}
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkBirthday(e: Errors, body: Obj): void {
	const m = body.birthday_month;
	const d = body.birthday_day;
	if (m === undefined && d === undefined) return;
	if (m === undefined || d === undefined) {
		e.add(m === undefined ? 'birthday_month' : 'birthday_day', 'birthday_month and birthday_day must be given together');
		return;
	}
	if (!Number.isInteger(m) || (m as number) < 1 || (m as number) > 12) e.add('birthday_month', `${String(m)} is not a valid month (1-12)`);
	else if (!Number.isInteger(d) || (d as number) < 1 || (d as number) > DAYS_IN_MONTH[(m as number) - 1]!) e.add('birthday_day', `${String(d)} is not a valid day for month ${String(m)}`);
}

/** Accepts YYYY-MM-DD, YYYY/M/D, MM/DD/YYYY, M-D-YYYY and the like, ≤ 10 characters. */
function checkAnniversary(e: Errors, v: unknown): void {
	if (!e.str('anniversary', v, 10)) return;
	const ymd = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v);
	const mdy = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(v);
	const [month, day] = ymd ? [ymd[2], ymd[3]] : mdy ? [mdy[1], mdy[2]] : [];
	if (!month || Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) e.add('anniversary', `"${v}" is not a valid date`);
}

function checkIds(e: Errors, path: string, v: unknown, max: number, exists: (id: string) => boolean, what: string, min = 0): void {
	if (!e.arr(path, v, max, min)) return;
	v.forEach((id, i) => {
		if (typeof id !== 'string') e.add(`${path}/${i}`, 'must be a string');
		else if (!exists(id)) e.add(`${path}/${i}`, `${what} ${id} does not exist`);
	});
}

function checkCustomFields(e: Errors, state: FakeState, v: unknown, max: number): void {
	if (!e.arr('custom_fields', v, max)) return;
	v.forEach((f, i) => {
		const p = `custom_fields/${i}`;
		if (!isObj(f)) return e.add(p, 'must be an object');
		if (typeof f.custom_field_id !== 'string') return e.add(`${p}/custom_field_id`, 'is required');
		const def = state.customFields.get(f.custom_field_id);
		if (!def) return e.add(`${p}/custom_field_id`, `custom field ${f.custom_field_id} does not exist`);
		e.str(`${p}/value`, f.value, 255);
		if (Array.isArray(f.choice_ids)) {
			const known = new Set((def.choices ?? []).map((c) => String(c.choice_id)));
			f.choice_ids.forEach((c, j) => {
				if (!known.has(String(c))) e.add(`${p}/choice_ids/${j}`, `choice ${String(c)} does not exist for custom field ${def.name}`);
			});
		}
	});
}

function checkAddress(e: Errors, path: string, a: unknown): void {
	if (!isObj(a)) return e.add(path, 'must be an object');
	if (a.kind === undefined) e.add(`${path}/kind`, 'is required');
	else e.oneOf(`${path}/kind`, a.kind, ADDRESS_KINDS);
	e.str(`${path}/street`, a.street, 255);
	for (const k of ['city', 'state', 'postal_code', 'country']) e.str(`${path}/${k}`, a[k], 50);
}

/** POST /contacts (ContactPostRequest) and PUT /contacts/{id} (ContactPutRequest). */
export function checkContactBody(body: Obj, state: FakeState, mode: 'post' | 'put'): string[] {
	const e = new Errors();
	const sourceField = mode === 'post' ? 'create_source' : 'update_source';
	if (body[sourceField] === undefined) e.add(sourceField, 'is required');
	else e.oneOf(sourceField, body[sourceField], SOURCES);
	const email = body.email_address;
	if (email !== undefined) {
		if (!isObj(email)) e.add('email_address', 'must be an object');
		else {
			if (e.str('email_address/address', email.address, 80, true) && !isEmail(email.address)) e.add('email_address/address', `${email.address} is not a valid email address`);
			if (email.permission_to_send !== undefined) e.oneOf('email_address/permission_to_send', email.permission_to_send, PERMISSIONS);
			e.str('email_address/opt_out_reason', email.opt_out_reason, 255);
		}
	}
	// Constant Contact also takes SMS-only or name-only contacts; the fake models email contacts only.
	if (email === undefined) e.add('email_address', 'is required');
	for (const k of NAME_FIELDS) e.str(k, body[k], 50);
	checkBirthday(e, body);
	if (body.anniversary !== undefined) checkAnniversary(e, body.anniversary);
	checkCustomFields(e, state, body.custom_fields, 25);
	if (e.arr('phone_numbers', body.phone_numbers, 3)) {
		body.phone_numbers.forEach((ph, i) => {
			if (!isObj(ph)) return e.add(`phone_numbers/${i}`, 'must be an object');
			e.str(`phone_numbers/${i}/phone_number`, ph.phone_number, 25, true);
			if (ph.kind !== undefined) e.oneOf(`phone_numbers/${i}/kind`, ph.kind, PHONE_KINDS);
		});
	}
	if (e.arr('street_addresses', body.street_addresses, 3)) body.street_addresses.forEach((a, i) => checkAddress(e, `street_addresses/${i}`, a));
	checkIds(e, 'list_memberships', body.list_memberships, 50, (id) => state.lists.has(id), 'list');
	checkIds(e, 'taggings', body.taggings, 50, (id) => state.tags.has(id), 'tag');
	if (e.arr('notes', body.notes, 150)) {
		body.notes.forEach((n, i) => {
			if (!isObj(n)) return e.add(`notes/${i}`, 'must be an object');
			e.str(`notes/${i}/content`, n.content, 2000, true);
		});
	}
	return e.list;
}

/** POST /contacts/sign_up_form (ContactCreateOrUpdateInput): the flat body. */
export function checkSignUpBody(body: Obj, state: FakeState): string[] {
	const e = new Errors();
	if (body.email_address === undefined && body.sms_channel === undefined) e.add('email_address', 'is required unless sms_channel is given');
	if (e.str('email_address', body.email_address, 50) && !isEmail(body.email_address)) e.add('email_address', `${body.email_address} is not a valid email address`);
	if (body.list_memberships === undefined) e.add('list_memberships', 'is required');
	checkIds(e, 'list_memberships', body.list_memberships, 50, (id) => state.lists.has(id), 'list', 1);
	for (const k of NAME_FIELDS) e.str(k, body[k], 50);
	e.str('phone_number', body.phone_number, 25);
	if (body.street_address !== undefined) checkAddress(e, 'street_address', body.street_address);
	checkCustomFields(e, state, body.custom_fields, 50);
	checkBirthday(e, body);
	if (body.anniversary !== undefined) checkAnniversary(e, body.anniversary);
	return e.list;
}
