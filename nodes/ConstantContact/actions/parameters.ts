import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DATE_RANGE, dateTimeValue, toIsoDateTime } from '../mapping/common/dates';
import { quote } from '../mapping/common/problems';
import { MAX_ACTIVITY_WAIT_MS } from '../transport/activities';

/*
 * The one reader of the node's number and date parameters. Any of them may come from an expression,
 * which can give NaN, Infinity, 1e20 or text: such a value must never reach a query (`limit=NaN`), a
 * deadline (NaN disables it) or a Date (whose toISOString throws). The item fails first, before any
 * request of its own, naming the parameter as the editor shows it and how to set it right.
 */

const NOTHING_SENT = 'Nothing was sent to Constant Contact for this item.';

export const MAX_TIMEOUT_SECONDS = MAX_ACTIVITY_WAIT_MS / 1000;
export const DEFAULT_TIMEOUT_SECONDS = 300;

/** A value in a message, never converted with String() (an item's object can throw). */
function shown(value: unknown): string {
	if (typeof value === 'string') return quote(value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
	if (value === null) return 'null';
	return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export interface NumberRule {
	min: number;
	max?: number;
	integer?: boolean;
	/** How to set it right: ends the error's description. */
	fix: string;
}

/** A number parameter's value (a number, or text that is one) within the rule, or the item's error. */
export function checkedNumber(this: { getNode(): INode }, label: string, value: unknown, rule: NumberRule, itemIndex?: number): number {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
	const max = rule.max ?? Number.MAX_SAFE_INTEGER;
	if ((rule.integer ? Number.isSafeInteger(number) : Number.isFinite(number)) && number >= rule.min && number <= max) return number;
	const range = rule.max === undefined ? `of ${rule.min} or more` : `from ${rule.min} to ${rule.max}`;
	throw new NodeOperationError(this.getNode(), `${label}: ${shown(value)} is not a ${rule.integer ? 'whole number' : 'number'} ${range}`, {
		itemIndex,
		description: `${NOTHING_SENT} ${rule.fix}`,
	});
}

/** A date parameter as ISO 8601 (undefined when empty), or the item's error: not a date, or outside DATE_RANGE. */
export function checkedDateTime(this: { getNode(): INode }, label: string, value: unknown, itemIndex?: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const iso = toIsoDateTime(value);
	if (iso) return iso;
	const problem = Number.isNaN(dateTimeValue(value)) ? 'is not a date and time' : `is outside ${DATE_RANGE.text}`;
	throw new NodeOperationError(this.getNode(), `${label}: ${shown(value)} ${problem}`, {
		itemIndex,
		description: `${NOTHING_SENT} Pick a date and time, or give one in ISO 8601 (2024-05-01T09:00:00Z); an expression may also give a Luxon DateTime ($now), a JavaScript Date or epoch milliseconds.`,
	});
}

/** Return All and Limit, n8n's usual pair: undefined for every result, else a whole number of 1 or more. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false)) return undefined;
	return checkedNumber.call(this, 'Limit', this.getNodeParameter('limit', itemIndex, 50), {
		min: 1,
		integer: true,
		fix: 'Set Limit to how many results to return (1 or more), or turn on Return All; an expression must give a whole number.',
	}, itemIndex);
}

/** An Options collection's Timeout (Seconds), in milliseconds: how long to wait for bulk activities. */
export function readTimeoutMs(this: IExecuteFunctions, options: IDataObject, itemIndex: number): number {
	if (options.timeoutSeconds === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
	const seconds = checkedNumber.call(this, 'Timeout (Seconds)', options.timeoutSeconds, {
		min: 0,
		max: MAX_TIMEOUT_SECONDS,
		fix: `Set how many seconds to wait for the activity, 0 to ${MAX_TIMEOUT_SECONDS} (it goes on at Constant Contact after); an expression must give a number.`,
	}, itemIndex);
	return seconds * 1000;
}
