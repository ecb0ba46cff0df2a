import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accountLocator } from '../../descriptions/locators.description';
import { isConstantContactId } from '../../mapping/common/ids';
import { defaultTrackOf, fetchEvent, isTrackKey } from '../../account/events';
import { isApiError } from '../../transport/errors';
import { kindOf } from '../../transport/responses';

export const on = (operation: string[]) => ({ show: { resource: ['event'], operation } });

const quote = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
const NOTHING_SENT = 'Nothing was sent to Constant Contact for this item.';

/** The event picker; the trigger names it `eventId`, as its `event` parameter is Trigger On. */
export function eventLocator(displayOptions: IDataObject, description = 'The event to act on', name = 'event'): INodeProperties {
	return { ...accountLocator('event', 'searchEvents', '1697732a-8664-4675-8415-c4aabaa17dae', displayOptions, description), name };
}

export function trackField(displayOptions: IDataObject, description: string): INodeProperties {
	return {
		displayName: 'Track ID',
		name: 'trackId',
		type: 'string',
		default: '',
		placeholder: 'e.g. s8zabc',
		description,
		hint: "Empty: the event's default track",
		displayOptions,
	};
}

/** The event the `event` resource locator names: a UUID, checked before any request. */
export function eventIdParam(this: IExecuteFunctions, itemIndex: number): string {
	return eventIdFrom(this.getNode(), this.getNodeParameter('event', itemIndex, '', { extractValue: true }), itemIndex);
}

/** An event locator's value: a UUID, or the error that says what to pick. */
export function eventIdFrom(node: INode, value: unknown, itemIndex?: number): string {
	const id = typeof value === 'string' ? value.trim() : '';
	if (!id) {
		const what = value === undefined || value === null || value === '' ? 'no event chosen' : `${kindOf(value)} is not an event ID`;
		throw new NodeOperationError(node, `Event: ${what}; pick one from the list or give its ID`, { itemIndex, description: NOTHING_SENT });
	}
	if (!isConstantContactId(id)) {
		throw new NodeOperationError(node, `Event: ${quote(id)} is not an event ID`, {
			itemIndex,
			description: `${NOTHING_SENT} Event IDs look like 1697732a-8664-4675-8415-c4aabaa17dae: pick the event from the list, or copy its ID from Get Many.`,
		});
	}
	return id;
}

/** The Track ID parameter: empty (the default track) or a track key. */
export function trackParam(node: INode, value: unknown, itemIndex?: number): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new NodeOperationError(node, `Track ID: ${kindOf(value)} is not a track key`, { itemIndex, description: NOTHING_SENT });
	const key = value.trim();
	if (!key) return undefined;
	if (!isTrackKey(key)) {
		throw new NodeOperationError(node, `Track ID: ${quote(key)} is not a track key`, {
			itemIndex,
			description: `${NOTHING_SENT} A track key is short, letters and digits (e.g. s8zabc, the track_key of a registration); leave it empty for the event's default track.`,
		});
	}
	return key;
}

/** The track to act on: the one given, or the event's default (one request). */
export async function resolveTrack(this: IExecuteFunctions, eventId: string, itemIndex: number): Promise<string> {
	const given = trackParam(this.getNode(), this.getNodeParameter('trackId', itemIndex, ''), itemIndex);
	if (given) return given;
	return defaultTrackOf(this.getNode(), await fetchEvent.call(this, eventId, itemIndex), itemIndex);
}

/** A 404 on a track's registrations: the event or the track is not there. */
export function trackNotFound(this: IExecuteFunctions, error: unknown, eventId: string, track: string, itemIndex: number): unknown {
	if (!isApiError(error, 404)) return error;
	return new NodeOperationError(this.getNode(), `Event ${eventId} has no track ${quote(track)}, or the event does not exist`, {
		itemIndex,
		description: "Leave Track ID empty for the event's default track, or copy a track key from a registration's track_key.",
	});
}
