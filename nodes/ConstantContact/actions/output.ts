import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OutputMode, ResourceOutput } from '../mapping/common/output';
import { shapeOutput, toOutputMode } from '../mapping/common/output';

/** Which parameter an operation offers: "Simplify" (writes) or "Output" (reads). */
export type OutputParameter = 'simple' | 'output';

/** The item's output mode and, for Selected Fields, the fields chosen. */
export function readOutputMode(this: IExecuteFunctions, parameter: OutputParameter, itemIndex: number): { mode: OutputMode; fields: string[] } {
	if (parameter === 'simple') return { mode: this.getNodeParameter('simple', itemIndex, true) === false ? 'raw' : 'simple', fields: [] };
	const mode = toOutputMode(this.getNodeParameter('output', itemIndex, 'simple'));
	const fields = mode === 'fields' ? (this.getNodeParameter('fields', itemIndex, []) as string[]) : [];
	return { mode, fields: Array.isArray(fields) ? fields.map(String) : [] };
}

function shapeItems(this: IExecuteFunctions, items: INodeExecutionData[], resource: ResourceOutput, parameter: OutputParameter, fallbackItem: number): INodeExecutionData[] {
	return items.map((item) => {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		const itemIndex = typeof paired === 'object' && paired !== null ? paired.item : fallbackItem;
		const { mode, fields } = readOutputMode.call(this, parameter, itemIndex);
		return { ...item, json: shapeOutput(item.json as IDataObject, resource, mode, fields) };
	});
}

/** A per-item operation whose records are shaped as the item's Simplify or Output parameter says. */
export function withOutput(
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>,
	resource: ResourceOutput,
	parameter: OutputParameter,
): (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]> {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		return shapeItems.call(this, await execute.call(this, itemIndex), resource, parameter, itemIndex);
	};
}

/** The same for an operation that takes the whole run: each record is shaped by the item it is paired with. */
export function withBatchOutput(
	executeBatch: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>,
	resource: ResourceOutput,
	parameter: OutputParameter,
): (this: IExecuteFunctions) => Promise<INodeExecutionData[]> {
	return async function (this: IExecuteFunctions) {
		return shapeItems.call(this, await executeBatch.call(this), resource, parameter, 0);
	};
}
