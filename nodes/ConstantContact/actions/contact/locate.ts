import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { storedContactProblems } from '../../mapping/contact/storedContact';
import type { ContactResource } from '../../mapping/contact/types';
import { constantContactRequest } from '../../transport/request';
import { isRecord, kindOf, unusableResponse } from '../../transport/responses';
import { isApiError } from '../../transport/errors';

/** How the contact locator named the contact. */
export interface ContactRef {
	by: 'id' | 'email';
	value: string;
}

/**
 * The contact a locator's value names: by email, or by ID (the list mode gives an ID); an ID with an
 * @ is read as an email. The value may come from an expression: anything but text or a number is a
 * problem that names the field, never converted with String() (which can throw on an item's object).
 */
export function contactRefFrom(raw: unknown): ContactRef | { problem: string } {
	const locator = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as INodeParameterResourceLocator) : { mode: 'id', value: raw };
	const given: unknown = locator.value;
	if (given !== undefined && given !== null && typeof given !== 'string' && typeof given !== 'number') {
		return { problem: `Contact: ${Array.isArray(given) ? 'a list' : `a ${typeof given}`} is not an email address or a contact ID` };
	}
	const value = String(given ?? '').trim();
	if (!value) return { problem: 'Contact: no email address or ID given' };
	return { by: locator.mode === 'email' || value.includes('@') ? 'email' : 'id', value };
}

/** Reads the `contact` resource locator (see contactRefFrom); a problem is the item's error. */
export function readContactRef(this: IExecuteFunctions, itemIndex: number, parameter = 'contact'): ContactRef {
	const ref = contactRefFrom(this.getNodeParameter(parameter, itemIndex));
	if ('problem' in ref) {
		throw new NodeOperationError(this.getNode(), ref.problem, {
			itemIndex,
			description: 'Choose the contact from the list, or give its email address or its contact ID.',
		});
	}
	return ref;
}

/** The ordering key for items that write to one contact: `id:<uuid>` or `email:<address>` (see mayBeSameContact). */
export function contactRefKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	try {
		const ref = readContactRef.call(this, itemIndex);
		return `${ref.by}:${ref.value.toLowerCase()}`;
	} catch {
		return undefined;
	}
}

export function describeRef(ref: ContactRef): string {
	return ref.by === 'email' ? `the email address ${ref.value}` : `the ID ${ref.value}`;
}

/** A contact from an answer, checked before its ID goes into a path or its fields into a PUT. */
export function readContact(this: IExecuteFunctions, value: unknown, what: string, itemIndex: number): ContactResource {
	const problems = storedContactProblems(value);
	if (problems.length) {
		throw unusableResponse(this.getNode(), what, problems.slice(0, 3).join('; ') + (problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''), itemIndex);
	}
	return value as ContactResource;
}

/** The contact with exactly this email (case-insensitive) from a `GET /contacts?email=` page, checked; undefined when there is none. */
export function contactWithEmail(this: IExecuteFunctions, page: unknown, email: string, itemIndex: number): ContactResource | undefined {
	const what = 'GET /contacts?email=…';
	if (!isRecord(page)) throw unusableResponse(this.getNode(), what, `it is ${kindOf(page)}, not an object`, itemIndex);
	const contacts = page.contacts ?? [];
	if (!Array.isArray(contacts)) throw unusableResponse(this.getNode(), what, `"contacts" is ${kindOf(contacts)}, not a list`, itemIndex);
	const wanted = email.trim().toLowerCase();
	const found = contacts.find((c: unknown) => {
		const address = isRecord(c) && isRecord(c.email_address) ? c.email_address.address : undefined;
		return typeof address === 'string' && address.toLowerCase() === wanted;
	});
	return found === undefined ? undefined : readContact.call(this, found, what, itemIndex);
}

/** The contact, deleted ones included, with the subresources asked for; undefined when Constant Contact has none. */
export async function findContact(
	this: IExecuteFunctions,
	ref: ContactRef,
	include: string[],
	itemIndex: number,
): Promise<ContactResource | undefined> {
	const qs: IDataObject = include.length ? { include: include.join(',') } : {};
	if (ref.by === 'id') {
		return await constantContactRequest
			.call(this, { method: 'GET', path: `/contacts/${encodeURIComponent(ref.value)}`, qs, itemIndex })
			.then(
				(contact) => readContact.call(this, contact, 'GET /contacts/{contact_id}', itemIndex),
				(error: unknown) => {
					if (isApiError(error, 404)) return undefined;
					throw error;
				},
			);
	}
	const page = await constantContactRequest.call(this, {
		method: 'GET',
		path: '/contacts',
		qs: { email: ref.value, status: 'all', ...qs },
		itemIndex,
	});
	return contactWithEmail.call(this, page, ref.value, itemIndex);
}

export function notFoundError(this: IExecuteFunctions, ref: ContactRef, itemIndex: number): NodeOperationError {
	return new NodeOperationError(this.getNode(), `No contact with ${describeRef(ref)} exists in Constant Contact`, {
		itemIndex,
		description:
			ref.by === 'email'
				? 'The address was looked up in every state, deleted and unsubscribed included. Check its spelling, or create the contact first.'
				: 'Check the ID (Get Many or the Contact picker shows contact IDs), or look the contact up by email instead.',
	});
}

/** Like findContact, but a missing contact is the item's error. */
export async function requireContact(
	this: IExecuteFunctions,
	ref: ContactRef,
	include: string[],
	itemIndex: number,
): Promise<ContactResource> {
	const contact = await findContact.call(this, ref, include, itemIndex);
	if (!contact) throw notFoundError.call(this, ref, itemIndex);
	return contact;
}

/** The contact's ID: given, or looked up by email (one request). */
export async function resolveContactId(this: IExecuteFunctions, ref: ContactRef, itemIndex: number): Promise<string> {
	if (ref.by === 'id') return ref.value;
	return (await requireContact.call(this, ref, [], itemIndex)).contact_id;
}
