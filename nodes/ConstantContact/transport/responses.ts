import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Responses are input too: what Constant Contact answers is checked for the shape the node relies
 * on before it is used, and anything else ends the item with this error instead of a TypeError,
 * an endless loop or a request built from garbage.
 */
export function unusableResponse(node: INode, what: string, problem: string, itemIndex?: number, description?: string): NodeOperationError {
	return new NodeOperationError(node, `Constant Contact's answer to ${what} cannot be used: ${problem}`, {
		description:
			description ??
			'Nothing more was sent for this item. Try again; if it persists, the response was altered on its way or Constant Contact changed its API.',
		itemIndex,
	});
}

export function isRecord(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** "a list", "null", "a number": how a value that is not what was expected is named in messages. */
export function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** An object answer (a created list, tag or custom field), or the item's error. */
export function expectRecord(node: INode, value: unknown, what: string, itemIndex?: number): IDataObject {
	if (!isRecord(value)) throw unusableResponse(node, what, `it is ${kindOf(value)}, not an object`, itemIndex);
	return value;
}

/** A non-empty string ID from an answer (it goes into a path or a body), or the item's error. */
export function expectId(node: INode, value: unknown, name: string, what: string, itemIndex?: number): string {
	if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
		throw unusableResponse(node, what, `"${name}" is ${typeof value === 'string' ? 'empty or too long' : kindOf(value)}, not an ID`, itemIndex);
	}
	return value;
}
