import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { ContactResource } from '../mapping/contact/types';
import { constantContactRequestAllItems } from '../transport/paginate';
import { keyPart, readTime, reportUnusableState } from './position';
import { advance, cutoff } from './stream';

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
		key: (c) => keyPart(c.contact_id),
	},
	contactUpdated: {
		after: 'updated_after',
		qs: {},
		time: (c) => c.updated_at as string | undefined,
		key: (c) => `${keyPart(c.contact_id)}@${keyPart(c.updated_at)}`,
	},
	contactUnsubscribed: {
		after: 'optout_after',
		qs: { status: 'unsubscribed' },
		time: (c) => c.email_address?.opt_out_date as string | undefined,
		key: (c) => `${keyPart(c.contact_id)}@${keyPart(c.email_address?.opt_out_date)}`,
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
	/** The newest change time seen so far, at most now (ISO). */
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
	return readTime(EVENTS[settings.event].time(c));
}

function reportable(settings: PollSettings, c: ContactResource): boolean {
	if (settings.event !== 'contactUpdated' || settings.includeNewContacts) return true;
	const created = readTime(c.created_at);
	return created === undefined || created !== readTime(c.updated_at);
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
 * change since the position (minus the overlap), every page, oldest first, each change once
 * (stream.ts keeps the position and what was seen).
 */
export async function pollContacts(
	this: IPollFunctions,
	settings: PollSettings,
	staticData: IDataObject,
	now = Date.now(),
): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') return await sample.call(this, settings, now);

	const signature = signatureOf(settings);
	const first = staticData.signature !== signature || staticData.position === undefined;
	const stored = first ? undefined : { position: staticData.position, seen: staticData.seen };
	const options = { now, overlapMs: OVERLAP_MS, emit: !first };
	const contacts = await changedSince.call(this, settings, cutoff(stored, options));
	const events = contacts.flatMap((contact) => {
		const time = timeOf(settings, contact);
		return time === undefined || !reportable(settings, contact) ? [] : [{ row: contact, key: EVENTS[settings.event].key(contact), time }];
	});
	const { fresh, state: next, problem } = advance(stored, events, options);

	staticData.signature = signature;
	staticData.position = next.position;
	staticData.seen = next.seen;
	if (problem !== undefined) reportUnusableState.call(this, problem);
	return fresh.length ? [fresh.map((contact) => ({ json: contact as IDataObject }))] : null;
}
