import type { IDataObject, IExecuteFunctions, INode, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isApiError } from '../transport/errors';
import { constantContactRequest } from '../transport/request';
import { isRecord, kindOf, unusableResponse } from '../transport/responses';

/**
 * Constant Contact Events as the Event resource and the Event Registration trigger both read them:
 * which keys may go into a path, the event (for its default track) and where a track's registrations are.
 */

/** Track keys are short system strings (`s8zabc`); anything else never reaches a path. */
const TRACK_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Registration IDs: the contract's examples are UUID-shaped but not always hex, so letters, digits and dashes. */
const REGISTRATION_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export const isTrackKey = (value: string): boolean => TRACK_PATTERN.test(value);
export const isRegistrationId = (value: string): boolean => REGISTRATION_ID_PATTERN.test(value);

const quote = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** `GET /events/{event_id}`; a 404 says which event is missing. */
export async function fetchEvent(this: IExecuteFunctions | IPollFunctions, eventId: string, itemIndex?: number): Promise<IDataObject> {
	const what = 'GET /events/{event_id}';
	let answer: unknown;
	try {
		answer = await constantContactRequest.call(this, { method: 'GET', path: `/events/${encodeURIComponent(eventId)}`, itemIndex });
	} catch (error) {
		throw isApiError(error, 404)
			? new NodeOperationError(this.getNode(), `Event: no event with ID ${eventId} in this Constant Contact account`, {
					itemIndex,
					description: 'Pick the event from the list, or check the ID (an event ID is a UUID, not the event name); a deleted event is not found.',
				})
			: error;
	}
	if (!isRecord(answer)) throw unusableResponse(this.getNode(), what, `it is ${kindOf(answer)}, not an object`, itemIndex);
	return answer;
}

/** The event's default track key, from `default_track.track_id`. */
export function defaultTrackOf(node: INode, event: IDataObject, itemIndex?: number): string {
	const track = isRecord(event.default_track) ? event.default_track.track_id : undefined;
	if (typeof track !== 'string' || !isTrackKey(track)) {
		throw unusableResponse(node, 'GET /events/{event_id}', `its default track's key is ${typeof track === 'string' ? quote(track) : kindOf(track)}`, itemIndex);
	}
	return track;
}

export const registrationsPath = (eventId: string, track: string) => `/events/${encodeURIComponent(eventId)}/tracks/${encodeURIComponent(track)}/registrations`;
