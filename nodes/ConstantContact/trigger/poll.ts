import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ContactResource } from '../mapping/types';
import { constantContactRequestAllItems } from '../transport/paginate';

export type TriggerEvent = 'contactCreated' | 'contactUpdated' | 'contactUnsubscribed';

interface EventSpec {
	/** The `GET /contacts` filter for "changed after". */
	after: string;
	/** Extra query for this event. */
	qs: IDataObject;
	/** The time of the change this event reports. */
	time: (c: ContactResource) => string | undefined;
	/** What identifies one change: a contact once, or a contact at one moment. */
	key: (c: ContactResource) => string;
}

export const EVENTS: Record<TriggerEvent, EventSpec> = {
	contactCreated: {
		after: 'created_after',
		qs: {},
		time: (c) => c.created_at as string | undefined,
		key: (c) => String(c.contact_id),
	},
	contactUpdated: {
		after: 'updated_after',
		qs: {},
		time: (c) => c.updated_at as string | undefined,
		key: (c) => `${c.contact_id}@${String(c.updated_at)}`,
	},
	contactUnsubscribed: {
		after: 'optout_after',
		qs: { status: 'unsubscribed' },
		time: (c) => c.email_address?.opt_out_date as string | undefined,
		key: (c) => `${c.contact_id}@${String(c.email_address?.opt_out_date)}`,
	},
};

/**
 * Every poll asks again for this much time before the position, and remembers what it emitted in
 * that window: changes with the same timestamp as the position, changes that show up late, and a
 * Constant Contact clock a little behind n8n's are all caught, and none is emitted twice.
 */
export const OVERLAP_MS = 5 * 60_000;

/** What the trigger keeps in the workflow's static data. */
export interface PollState extends IDataObject {
	/** The event, list and include this state belongs to; another configuration starts afresh. */
	signature: string;
	/** The newest change time seen so far (ISO). */
	position: string;
	/** Changes already emitted (or already there on the first poll) in the overlap window: key → time (ms). */
	seen: IDataObject;
}

export interface PollSettings {
	event: TriggerEvent;
	listId?: string;
	include: string[];
	/** Contact Updated: also report contacts that were just created (their update time is their creation time). */
	includeNewContacts: boolean;
}

function baseQuery(settings: PollSettings): IDataObject {
	const spec = EVENTS[settings.event];
	return {
		...spec.qs,
		...(settings.listId ? { lists: settings.listId } : {}),
		...(settings.include.length ? { include: settings.include.join(',') } : {}),
	};
}

async function changedSince(this: IPollFunctions, settings: PollSettings, sinceMs: number, limit?: number): Promise<ContactResource[]> {
	const spec = EVENTS[settings.event];
	const qs = { ...baseQuery(settings), [spec.after]: new Date(sinceMs).toISOString() };
	return (await constantContactRequestAllItems.call(this, 'contacts', '/contacts', qs, { pageSize: 500, limit })) as ContactResource[];
}

/** The change's time; undefined when the contact carries none that reads as a date (such contacts are passed over). */
function timeOf(settings: PollSettings, c: ContactResource): number | undefined {
	const raw: unknown = EVENTS[settings.event].time(c);
	// An ISO date-time is about 30 characters: a longer value is not parsed.
	const ms = typeof raw === 'string' && raw.length <= 64 ? Date.parse(raw) : Number.NaN;
	return Number.isNaN(ms) ? undefined : ms;
}

function reportable(settings: PollSettings, c: ContactResource): boolean {
	if (settings.event !== 'contactUpdated' || settings.includeNewContacts) return true;
	return !(c.created_at && c.updated_at && Date.parse(String(c.created_at)) === Date.parse(String(c.updated_at)));
}

export function signatureOf(settings: PollSettings): string {
	return JSON.stringify([settings.event, settings.listId ?? '', [...settings.include].sort(), settings.includeNewContacts]);
}

/** A manual test run: the most recent matching change, looked for in the last day, month, then anywhere. */
async function sample(this: IPollFunctions, settings: PollSettings, now: number): Promise<INodeExecutionData[][] | null> {
	const day = 24 * 60 * 60_000;
	for (const window of [day, 30 * day, undefined]) {
		const contacts =
			window === undefined
				? ((await constantContactRequestAllItems.call(this, 'contacts', '/contacts', baseQuery(settings), { limit: 500, pageSize: 500 })) as ContactResource[])
				: await changedSince.call(this, settings, now - window, 500);
		const latest = contacts
			.filter((c) => timeOf(settings, c) !== undefined && reportable(settings, c))
			.sort((a, b) => (timeOf(settings, b) ?? 0) - (timeOf(settings, a) ?? 0))[0];
		if (latest) return [[{ json: latest as IDataObject }]];
	}
	return null;
}

/**
 * One poll. First poll of a configuration: remember where now is, emit nothing. Later polls: every
 * change since the position (minus the overlap), every page, oldest first, each change once.
 */
export async function pollContacts(
	this: IPollFunctions,
	settings: PollSettings,
	staticData: IDataObject,
	now = Date.now(),
): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') return await sample.call(this, settings, now);

	const signature = signatureOf(settings);
	const state = staticData as Partial<PollState>;
	// A position that does not read as a date (altered static data) starts afresh, like a first poll.
	const stored = typeof state.position === 'string' ? Date.parse(state.position) : Number.NaN;
	const first = state.signature !== signature || Number.isNaN(stored);
	const position = first ? now : stored;
	// A Map, so that no key (a contact ID such as "constructor" or "__proto__") meets Object.prototype.
	const seen = new Map<string, number>(
		first ? [] : Object.entries(state.seen ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
	);

	const contacts = await changedSince.call(this, settings, position - OVERLAP_MS);
	const fresh: Array<{ contact: ContactResource; time: number }> = [];
	let newest = position;
	for (const contact of contacts) {
		const time = timeOf(settings, contact);
		if (time === undefined) continue;
		const key = EVENTS[settings.event].key(contact);
		if (!seen.has(key) && !first && reportable(settings, contact)) fresh.push({ contact, time });
		seen.set(key, time);
		// A time in the future (a wrong clock, an altered answer) must not move the position past now,
		// or later changes would never be asked for.
		if (time > newest) newest = Math.min(time, now);
	}
	// Forget what fell out of the overlap window: the next query no longer returns it.
	for (const [key, time] of seen) if (time < newest - OVERLAP_MS) seen.delete(key);

	staticData.signature = signature;
	staticData.position = new Date(newest).toISOString();
	staticData.seen = Object.fromEntries(seen);

	if (fresh.length === 0) return null;
	fresh.sort((a, b) => a.time - b.time);
	return [fresh.map(({ contact }) => ({ json: contact as IDataObject }))];
}
