import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isApiError } from '../transport/errors';

/**
 * The transport words a 409 for contacts (an existing email). For lists, tags and custom fields a 409
 * means the name is taken: rethrow it saying so, with Constant Contact's own words kept.
 */
export function nameConflict(this: IExecuteFunctions, error: unknown, what: string, name: string, itemIndex: number): unknown {
	if (!isApiError(error, 409)) return error;
	// The transport's message ends with Constant Contact's own words after the status.
	const said = error.message.split('(409)')[1]?.replace(/^:\s*/, '').trim() ?? '';
	return new NodeApiError(this.getNode(), { status: 409 }, {
		message: `A ${what} named "${name}" already exists in Constant Contact (409)${said ? `: ${said}` : ''}`,
		description: `${what.charAt(0).toUpperCase()}${what.slice(1)} names are unique in an account: choose another name, or use the existing ${what}.`,
		httpCode: '409',
		itemIndex,
	});
}
