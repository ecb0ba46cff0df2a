// POST /contacts/sign_up_form: create-or-update keyed on the email address. Partial update that
// appends lists and custom fields, restores deleted contacts, and sets `explicit` permission on every
// contact it touches, unsubscribed ones included (it stands for the contact's own sign-up).
import { randomUUID } from 'node:crypto';
import { validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { newAddress, newEmailAddress, newPhone, nowIso, setPermission } from '../state.mts';
import type { ContactRecord, StreetAddressRecord } from '../types.mts';
import { checkSignUpBody } from './contactRules.mts';
import { bodyObject } from './contacts.mts';
import type { ApiContext, Obj } from './context.mts';

const SCALARS = ['first_name', 'last_name', 'job_title', 'company_name', 'birthday_month', 'birthday_day', 'anniversary'] as const;

export function signUpForm(ctx: ApiContext): ApiResult {
	const body = bodyObject(ctx);
	const { state } = ctx.core;
	const errors = checkSignUpBody(body, state);
	if (errors.length) throw validationError(errors);
	const address = String(body.email_address);
	const at = nowIso();
	let c = state.findByEmail(address);
	const created = !c;
	if (!c) {
		c = {
			contact_id: randomUUID(),
			// Confirmed opt-in is off in the fake's account: new contacts get explicit permission from the Contact.
			email_address: newEmailAddress(address, 'explicit', 'Contact', at),
			create_source: 'Contact',
			created_at: at,
			updated_at: at,
			custom_fields: [],
			phone_numbers: [],
			street_addresses: [],
			list_memberships: [],
			taggings: [],
			notes: [],
		};
		state.contacts.set(c.contact_id, c);
	} else {
		setPermission(c.email_address, 'explicit', 'Contact', at); // clears any opt-out
		c.update_source = 'Contact';
		delete c.deleted_at; // restores a deleted contact
	}
	for (const k of SCALARS) if (body[k] !== undefined) (c as unknown as Obj)[k] = body[k];
	merge(c, body, at);
	c.updated_at = at;
	return { status: created ? 201 : 200, body: { contact_id: c.contact_id, action: created ? 'created' : 'updated' } };
}

function merge(c: ContactRecord, body: Obj, at: string): void {
	for (const id of body.list_memberships as string[]) if (!c.list_memberships.includes(id)) c.list_memberships.push(id);
	for (const f of (body.custom_fields as Obj[] | undefined) ?? []) {
		const id = String(f.custom_field_id);
		const existing = c.custom_fields.find((x) => x.custom_field_id === id);
		if (existing) existing.value = String(f.value ?? '');
		else c.custom_fields.push({ custom_field_id: id, value: String(f.value ?? '') });
	}
	if (typeof body.phone_number === 'string') {
		// One flat phone: overwrite the first stored number, or add one.
		const first = c.phone_numbers[0];
		if (first) {
			first.phone_number = body.phone_number;
			first.updated_at = at;
		} else c.phone_numbers.push(newPhone({ phone_number: body.phone_number }, at));
	}
	const a = body.street_address as Obj | undefined;
	if (a) {
		// One flat address: replaces the stored address of the same kind, else is added (max 3).
		const next = newAddress(a as unknown as StreetAddressRecord, at);
		const i = c.street_addresses.findIndex((x) => x.kind === a.kind);
		if (i >= 0) c.street_addresses[i] = { ...next, street_address_id: c.street_addresses[i]!.street_address_id, created_at: c.street_addresses[i]!.created_at };
		else if (c.street_addresses.length < 3) c.street_addresses.push(next);
		else c.street_addresses[0] = next;
	}
}
