import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { isValidEmail } from '../mapping/common/email';
import { constantContactRequestAllItems } from '../transport/paginate';
import { constantContactRequest } from '../transport/request';
import { isRecord, unusableResponse } from '../transport/responses';
import { loadAllCustomFields, loadAllLists, loadConfirmedSenders } from '../account/lookups';

/**
 * The list picker: Constant Contact filters lists only by exact name, so every page is loaded and
 * the filter (any part of the name or the ID, any case) applies here.
 */
export async function searchLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const lists = await loadAllLists.call(this);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = lists
		.map((l) => ({ name: String(l.name ?? l.list_id), value: String(l.list_id) }))
		.filter((l) => !wanted || l.name.toLowerCase().includes(wanted) || l.value.toLowerCase() === wanted)
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** The tag picker: every page of tags, filtered here by any part of the name or the exact ID. */
export async function searchTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const tags = await constantContactRequestAllItems.call<
		ILoadOptionsFunctions,
		Parameters<typeof constantContactRequestAllItems>,
		Promise<IDataObject[]>
	>(this, 'tags', '/contact_tags', {}, { pageSize: 500 });
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = tags
		.map((t) => ({ name: String(t.name ?? t.tag_id), value: String(t.tag_id) }))
		.filter((t) => !wanted || t.name.toLowerCase().includes(wanted) || t.value.toLowerCase() === wanted)
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** The custom field picker: every page of custom fields, filtered here by any part of the label or name, or the exact ID. */
export async function searchCustomFields(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const fields = await loadAllCustomFields.call(this);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = fields
		.map((f) => ({ name: f.label || f.name || f.custom_field_id, value: f.custom_field_id, key: `${f.label} ${f.name ?? ''}`.toLowerCase() }))
		.filter((f) => !wanted || f.key.includes(wanted) || f.value.toLowerCase() === wanted)
		.sort((a, b) => a.name.localeCompare(b.name))
		.map(({ name, value }) => ({ name, value }));
	return { results };
}

interface ContactPage {
	contacts?: IDataObject[];
	_links?: { next?: { href?: string } };
}

/** At most this many pages per call when a filter hides most contacts; the picker asks for more by scrolling. */
const CONTACT_PAGES_PER_SEARCH = 5;

/** The contacts of a page, checked: the picker shows what Constant Contact answered, never crashes on it. */
function contactsOf(this: ILoadOptionsFunctions, page: unknown): IDataObject[] {
	const contacts = isRecord(page) ? (page.contacts ?? []) : undefined;
	if (!Array.isArray(contacts)) throw unusableResponse(this.getNode(), 'GET /contacts', 'it holds no list of contacts');
	return contacts.filter(isRecord);
}

function contactOption(c: IDataObject): { name: string; value: string } {
	const email = String((c.email_address as IDataObject | undefined)?.address ?? '');
	const name = [c.first_name, c.last_name].filter((v) => typeof v === 'string' && v.trim()).join(' ');
	return { name: name ? `${name} <${email}>` : email || String(c.contact_id), value: String(c.contact_id) };
}

/**
 * The contact picker. A full email address is looked up exactly (every state); otherwise contacts are
 * listed page by page (500 each, n8n asks for the next page as the user scrolls) and filtered here by
 * any part of the email or name.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	if (isValidEmail(wanted)) {
		const page = (await constantContactRequest.call(this, {
			method: 'GET',
			path: '/contacts',
			qs: { email: wanted, status: 'all' },
		})) as ContactPage;
		return { results: contactsOf.call(this, page).map(contactOption) };
	}
	const results: Array<{ name: string; value: string }> = [];
	let next: string | undefined = paginationToken;
	for (let pages = 0; pages < CONTACT_PAGES_PER_SEARCH; pages++) {
		const page = (await constantContactRequest.call(this, {
			method: 'GET',
			path: next ?? '/contacts',
			...(next ? {} : { qs: { limit: 500 } }),
		})) as ContactPage;
		for (const option of contactsOf.call(this, page).map(contactOption)) {
			if (!wanted || option.name.toLowerCase().includes(wanted) || option.value.toLowerCase() === wanted) results.push(option);
		}
		const href = page?._links?.next?.href;
		next = typeof href === 'string' ? href : undefined;
		if (!next || results.length >= 50) break;
	}
	return { results, ...(next ? { paginationToken: next } : {}) };
}

interface CampaignPage {
	campaigns?: IDataObject[];
	_links?: { next?: { href?: string } };
}

/** At most this many pages of campaigns per call; the picker asks for more by scrolling. */
const CAMPAIGN_PAGES_PER_SEARCH = 5;

/**
 * The campaign picker: `GET /emails` (500 a page, newest first as Constant Contact lists them), deleted
 * (Removed) campaigns left out, filtered here by any part of the name or the exact ID.
 */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const results: Array<{ name: string; value: string; description?: string }> = [];
	let next: string | undefined = paginationToken;
	for (let pages = 0; pages < CAMPAIGN_PAGES_PER_SEARCH; pages++) {
		const page = (await constantContactRequest.call(this, { method: 'GET', path: next ?? '/emails', ...(next ? {} : { qs: { limit: 500 } }) })) as CampaignPage;
		for (const c of page.campaigns ?? []) {
			if (String(c.current_status).toLowerCase() === 'removed') continue;
			const option = { name: String(c.name ?? c.campaign_id), value: String(c.campaign_id), description: String(c.current_status ?? '') };
			if (!wanted || option.name.toLowerCase().includes(wanted) || option.value.toLowerCase() === wanted) results.push(option);
		}
		next = page._links?.next?.href || undefined;
		if (!next || results.length >= 50) break;
	}
	return { results, ...(next ? { paginationToken: next } : {}) };
}

/** The sender picker: the account's confirmed email addresses (`GET /account/emails`, needs account_read). */
export async function searchSenderEmails(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const addresses = await loadConfirmedSenders.call(this);
	return {
		results: addresses
			.filter((a) => !wanted || a.toLowerCase().includes(wanted))
			.sort((a, b) => a.localeCompare(b))
			.map((a) => ({ name: a, value: a })),
	};
}

/** The segment picker: every page of `GET /segments` by name (deleted segments are not listed). */
export async function searchSegments(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const segments = await constantContactRequestAllItems.call<
		ILoadOptionsFunctions,
		Parameters<typeof constantContactRequestAllItems>,
		Promise<IDataObject[]>
	>(this, 'segments', '/segments', { sort_by: 'name' }, { pageSize: 1000 });
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = segments
		.map((s) => ({ name: String(s.name ?? s.segment_id), value: String(s.segment_id) }))
		.filter((s) => !wanted || s.name.toLowerCase().includes(wanted) || s.value === wanted);
	return { results };
}

/** The event picker: every page of `GET /events` (100 a page; deleted events are not listed), newest start first, filtered here. */
export async function searchEvents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const events = await constantContactRequestAllItems.call<
		ILoadOptionsFunctions,
		Parameters<typeof constantContactRequestAllItems>,
		Promise<IDataObject[]>
	>(this, 'records', '/events', { sort_by: 'start_time', sort_order: 'DESC' }, { pageSize: 100 });
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = events
		.filter((e) => typeof e.event_id === 'string')
		.map((e) => ({
			name: String(e.name ?? e.title ?? e.event_id),
			value: String(e.event_id),
			description: [e.status, typeof e.start_time === 'string' ? e.start_time.slice(0, 10) : undefined].filter(Boolean).join(', '),
		}))
		.filter((e) => !wanted || e.name.toLowerCase().includes(wanted) || e.value.toLowerCase() === wanted);
	return { results };
}
