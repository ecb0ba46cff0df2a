import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * A failed item under Continue On Fail, in the shape n8n gives error items (the HTTP Request node's
 * `{ error, details }`): n8n-core sends an item to the error output (On Error: Continue (using error
 * output)) only when its json has `error` and no keys but `error`, `message` and `details`, so the
 * rest (the fix, the HTTP status, the fields at fault) goes into `details`. Nothing but our own
 * message and hint: never the request, whose headers carry the token.
 */
export function errorJson(error: unknown): IDataObject {
	const e = error as { message?: string; description?: string | null; httpCode?: string | null; context?: IDataObject };
	const problems = Array.isArray(e.context?.problems) ? (e.context.problems as string[]) : [];
	const details: IDataObject = {
		...(e.description ? { description: e.description } : {}),
		...(e.httpCode ? { httpCode: e.httpCode } : {}),
		...(problems.length ? { problems, fields: [...new Set(problems.map((p) => p.split(':')[0].trim()))] } : {}),
	};
	return { error: e.message ?? String(error), ...(Object.keys(details).length ? { details } : {}) };
}

/** The error item for one or more input items. */
export function errorItem(error: unknown, pairedItem: IPairedItemData | IPairedItemData[]): INodeExecutionData {
	return { json: errorJson(error), pairedItem };
}

/** An item's failure as n8n reports it: a NodeApiError or NodeOperationError that names the item. */
export function asItemError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	const failure =
		error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	failure.context.itemIndex ??= itemIndex;
	return failure;
}
