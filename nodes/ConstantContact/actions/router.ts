import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as contact from './contact/Contact.resource';
import type { ConstantContactType } from './node.type';

export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const operations: { [R in keyof ConstantContactType]: Record<ConstantContactType[R], OperationExecute> } = {
	contact: contact.operations,
};

/** The one item loop: dispatch, pairedItem, and continueOnFail so one bad item never costs the others. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as keyof ConstantContactType;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = (operations[resource] as Record<string, OperationExecute> | undefined)?.[operation];
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const output = await execute.call(this, itemIndex);
			returnData.push(...this.helpers.constructExecutionMetaData(output, { itemData: { item: itemIndex } }));
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({ json: errorOutput(error), pairedItem: { item: itemIndex } });
				continue;
			}
			const failure =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			failure.context.itemIndex ??= itemIndex;
			throw failure;
		}
	}
	return [returnData];
}

/** What a failed item carries downstream: the message, the hint and the HTTP status, nothing more. */
export function errorOutput(error: unknown): IDataObject {
	const e = error as { message?: string; description?: string | null; httpCode?: string | null };
	return {
		error: e.message ?? String(error),
		...(e.description ? { hint: e.description } : {}),
		...(e.httpCode ? { httpCode: e.httpCode } : {}),
	};
}
