import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

// How every resource reports what is wrong with an item's input, before any request.

/** A value in a message: quoted, and cut to a short excerpt (never the whole of a long value). */
export function quote(value: string): string {
	return value.length > 60 ? `"${value.slice(0, 57)}..."` : `"${value}"`;
}

/** Values as given, trimmed, without blanks or repeats. */
export function unique(values: string[]): string[] {
	return [...new Set(values.map((v) => String(v).trim()).filter((v) => v !== ''))];
}

/** The item's problems as one NodeOperationError: the first as the message, all of them in the description. */
export function invalidInputError(node: INode, problems: string[], itemIndex: number): NodeOperationError {
	const [first, ...rest] = problems;
	const error = new NodeOperationError(node, rest.length ? `${first} (and ${rest.length} more)` : first, {
		itemIndex,
		description: `Nothing was sent to Constant Contact for this item. ${problems.join('. ')}.`,
	});
	// Each problem starts with the field it is about: error items list them (details.problems, details.fields).
	error.context.problems = problems;
	return error;
}
