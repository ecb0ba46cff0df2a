import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { errorItem, errorJson } from '../../../nodes/ConstantContact/actions/errorOutput.ts';
import { invalidInputError } from '../../../nodes/ConstantContact/mapping/common/problems.ts';

const node = { id: 'cc', name: 'Constant Contact', type: 'constantContact', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

// n8n-core's rule (WorkflowExecute.handleNodeErrorOutput): only these keys make an error item.
const ERROR_ITEM_KEYS = ['error', 'message', 'details'];

describe('errorJson', () => {
	it('an invalid item: the message, the fix, and the fields at fault, in keys n8n routes to the error output', () => {
		const json = errorJson(invalidInputError(node, ['Email: a value is required', 'First Name: "x" has 51 characters'], 3));
		expect(Object.keys(json).every((k) => ERROR_ITEM_KEYS.includes(k))).toBe(true);
		expect(json).toEqual({
			error: 'Email: a value is required (and 1 more)',
			details: {
				description: expect.stringContaining('Nothing was sent to Constant Contact for this item.'),
				problems: ['Email: a value is required', 'First Name: "x" has 51 characters'],
				fields: ['Email', 'First Name'],
			},
		});
	});

	it('a refused request: its HTTP status', () => {
		const error = new NodeApiError(node, { status: 409 }, { message: 'A contact already exists (409)', description: 'Use Create or Update.', httpCode: '409' });
		const json = errorJson(error);
		expect(Object.keys(json).every((k) => ERROR_ITEM_KEYS.includes(k))).toBe(true);
		expect(json).toEqual({ error: 'A contact already exists (409)', details: { description: 'Use Create or Update.', httpCode: '409' } });
	});

	it('an error with no hint is still an error item; the item keeps its pairing', () => {
		expect(errorItem(new NodeOperationError(node, 'Plain'), { item: 2 })).toEqual({ json: { error: 'Plain' }, pairedItem: { item: 2 } });
	});
});
