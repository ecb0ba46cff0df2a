import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { defaultTrackOf, fetchEvent, isRegistrationId, isTrackKey, registrationsPath } from '../account/events';
import { constantContactRequest } from '../transport/request';
import { isRecord, kindOf, unusableResponse } from '../transport/responses';
import { readTime, reportUnusableState } from './position';
import { readNewestFirst } from './readBack';
import { advance } from './stream';
import { isApiError } from '../transport/errors';

/**
 * Event Registration: new registrations of one event track. The contract offers no date filter and no
 * sort by time for `GET /events/{event_id}/tracks/{track_id}/registrations`, and does not say in which
 * order it lists them, so every poll reads the whole track (100 registrations a page, at most
 * `maxPages`) and the stream (stream.ts) tells new registrations from known ones by their ID within a
 * day's window of `registration_time`. Each poll costs
 *   1 request per 100 registrations of the track (at most `maxPages`)
 *   + 1 request per new registration with Include Answers (`GET .../registrations/{registration_id}`)
 *   + 1 request on a configuration's first poll for the event's default track, when no track is given.
 */
export const EVENT_REGISTRATION = {
	/** A registration listed up to a day after its registration time (a payment that completes later) is still new. */
	overlapMs: 24 * 3600_000,
	pageSize: 100,
	/** 5,000 registrations per track: more and the poll reads only these, and its position does not move. */
	maxPages: 50,
};

export interface RegistrationSettings {
	eventId: string;
	/** Empty: the event's default track. */
	track?: string;
	includeAnswers: boolean;
}

const timeOf = (row: IDataObject): number => readTime(row.registration_time) ?? Number.NaN;
const LIST = 'GET /events/{event_id}/tracks/{track_id}/registrations';

export function signatureOf(settings: RegistrationSettings): string {
	return JSON.stringify(['eventRegistration', settings.eventId, settings.track ?? '']);
}

/** Every registration of the track, at most `maxPages` pages; `truncated` when there were more. */
async function readTrack(this: IPollFunctions, eventId: string, track: string): Promise<{ rows: IDataObject[]; truncated: boolean }> {
	// readNewestFirst stops early only on a row older than the cutoff: with no cutoff it reads every page.
	const read = await readNewestFirst.call(
		this,
		{ path: registrationsPath(eventId, track), what: LIST, qs: {}, property: 'records', pageSize: EVENT_REGISTRATION.pageSize },
		() => Number.POSITIVE_INFINITY,
		Number.NEGATIVE_INFINITY,
		EVENT_REGISTRATION.maxPages,
	);
	return { rows: read.rows.filter((row) => typeof row.registration_id === 'string' && isRegistrationId(row.registration_id)), truncated: read.truncated };
}

/** A registration's details (`GET .../registrations/{registration_id}`): the form's fields, tickets, order; none for one gone since. */
async function details(this: IPollFunctions, eventId: string, track: string, registrationId: string): Promise<IDataObject> {
	const what = `${LIST}/{registration_id}`;
	const answer = await constantContactRequest
		.call(this, { method: 'GET', path: `${registrationsPath(eventId, track)}/${encodeURIComponent(registrationId)}` })
		.catch((error: unknown) => {
			if (isApiError(error, 404)) return {};
			throw error;
		});
	if (!isRecord(answer)) throw unusableResponse(this.getNode(), what, `it is ${kindOf(answer)}, not an object`);
	for (const key of ['contact', 'tickets'] as const) {
		if (answer[key] !== undefined && !Array.isArray(answer[key])) throw unusableResponse(this.getNode(), what, `"${key}" is ${kindOf(answer[key])}, not a list`);
	}
	return answer;
}

/** One new registration: the row, where it is, and with Include Answers the form's fields and the order. */
async function item(this: IPollFunctions, settings: RegistrationSettings, event: { name: string | null }, track: string, row: IDataObject): Promise<INodeExecutionData> {
	const json: IDataObject = { event_id: settings.eventId, event_name: event.name ?? null, track_key: track, ...row };
	if (settings.includeAnswers) {
		const detail = await details.call(this, settings.eventId, track, row.registration_id as string);
		json.contact_id = detail.contact_id ?? null;
		// The registration form's fields with the registrant's answers, as Constant Contact returns them (its `contact`).
		json.fields = (detail.contact as IDataObject[] | undefined) ?? [];
		json.ticket_details = (detail.tickets as IDataObject[] | undefined) ?? [];
		json.order_summary = detail.order_summary ?? null;
	}
	return { json };
}

/** The event's name for the items: remembered, else read with the event (the default track's request). */
function nameOf(staticData: IDataObject): string | null {
	return typeof staticData.eventName === 'string' ? staticData.eventName : null;
}

/**
 * One poll. The first of a configuration reads the track and emits nothing. Later ones emit each
 * registration not seen before, once, oldest first. A stored state that cannot be used starts again
 * from now (stream.ts), and says so once.
 */
export async function pollEventRegistrations(
	this: IPollFunctions,
	settings: RegistrationSettings,
	staticData: IDataObject,
	now = Date.now(),
): Promise<INodeExecutionData[][] | null> {
	const signature = signatureOf(settings);
	const manual = this.getMode() === 'manual';
	const same = !manual && staticData.signature === signature;
	let eventName: string | null;
	let track: string;
	if (same && typeof staticData.track === 'string' && isTrackKey(staticData.track)) {
		track = staticData.track;
		eventName = nameOf(staticData);
	} else {
		// A configuration's first poll (or a state without its track): the event, its name and default track.
		const event = await fetchEvent.call(this, settings.eventId);
		track = settings.track ?? defaultTrackOf(this.getNode(), event);
		eventName = typeof event.name === 'string' ? event.name : null;
	}
	const read = await readTrack.call(this, settings.eventId, track).catch((error: unknown) => {
		if (isApiError(error, 404)) {
			throw new NodeOperationError(this.getNode(), `Event ${settings.eventId} has no track ${JSON.stringify(track)}, or the event was deleted`, {
				description: "Pick the event again, and leave Track ID empty for the event's default track.",
			});
		}
		throw error;
	});

	if (manual) {
		// A test run: the most recent registration of the track, as a sample.
		const latest = read.rows.filter((r) => !Number.isNaN(timeOf(r))).sort((a, b) => timeOf(b) - timeOf(a))[0];
		return latest ? [[await item.call(this, settings, { name: eventName }, track, latest)]] : null;
	}

	const first = !same || staticData.stream === undefined;
	const stored: unknown = first ? undefined : staticData.stream;
	// More registrations than a poll reads: what was read is emitted, but the position stays (as if it
	// were still then), so the window and what was seen in it are not narrowed by registrations this
	// poll did not see.
	const held = read.truncated && isRecord(stored) ? readTime(stored.position) : undefined;
	const options = { now: held !== undefined && held <= now ? held : now, overlapMs: EVENT_REGISTRATION.overlapMs, emit: !first };
	const { fresh, state: next, problem } = advance(
		stored,
		read.rows.map((row) => ({ row, key: row.registration_id as string, time: timeOf(row) })),
		options,
	);
	const items: INodeExecutionData[] = [];
	for (const row of fresh) items.push(await item.call(this, settings, { name: eventName }, track, row));
	// Written only once every item is ready: a poll that fails reads the same registrations again.
	staticData.signature = signature;
	staticData.track = track;
	staticData.eventName = eventName;
	staticData.stream = next;
	if (problem !== undefined) reportUnusableState.call(this, problem);
	if (read.truncated) {
		this.logger.warn(
			`Constant Contact Trigger "${this.getNode().name}": track ${track} of event ${settings.eventId} has more than ${EVENT_REGISTRATION.pageSize * EVENT_REGISTRATION.maxPages} registrations; each poll reads only the first ${EVENT_REGISTRATION.maxPages} pages`,
			{ workflowId: this.getWorkflow().id, nodeName: this.getNode().name },
		);
	}
	return items.length ? [items] : null;
}
