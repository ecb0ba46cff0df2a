import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as campaign from './campaign/Campaign.resource';
import * as connection from './connection/Connection.resource';
import * as contact from './contact/Contact.resource';
import * as customField from './customField/CustomField.resource';
import { asItemError, errorItem } from './errorOutput';
import * as event from './event/Event.resource';
import { runInLanes } from './lanes';
import * as list from './list/List.resource';
import type { ConstantContactType } from './node.type';
import * as report from './report/Report.resource';
import * as segment from './segment/Segment.resource';
import * as tag from './tag/Tag.resource';

export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

/**
 * An operation: its per-item execute and, when items may run in parallel, the key that must stay in
 * order; or an `executeBatch` that takes the whole run at once (bulk import) and pairs its own output.
 */
export interface Operation {
	execute?: OperationExecute;
	executeBatch?: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
	/** With both `execute` and `executeBatch`: whether this run takes the batch (e.g. many items deleted in bulk). */
	batchWhen?: (this: IExecuteFunctions) => boolean;
	/**
	 * Items whose keys may name one contact (`id:<uuid>`, `email:<address>`, see lanes.ts) run one after
	 * another; without it the whole run is sequential.
	 */
	orderingKey?: (this: IExecuteFunctions, itemIndex: number) => string | undefined;
	/** Checks one item's input without writing anything (reads, such as the account's custom fields, are allowed). */
	validate?: (this: IExecuteFunctions, itemIndex: number) => Promise<void>;
}

const operations: { [R in keyof ConstantContactType]: Record<ConstantContactType[R], Operation> } = {
	contact: contact.operations,
	list: list.operations,
	tag: tag.operations,
	customField: customField.operations,
	connection: connection.operations,
	campaign: campaign.operations,
	segment: segment.operations,
	report: report.operations,
	event: event.operations,
};

/**
 * Enough requests in flight to reach Constant Contact's 4 requests/second even at 400 ms latency
 * and two requests per item; the transport's pacer keeps the rate itself at the limit.
 */
export const ITEM_CONCURRENCY = 4;

/** The one item loop: dispatch, pairedItem, and continueOnFail so one bad item never costs the others. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as keyof ConstantContactType;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = (operations[resource] as Record<string, Operation> | undefined)?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}

	if (operation.executeBatch && (!operation.batchWhen || operation.batchWhen.call(this))) return [await operation.executeBatch.call(this)];
	const execute = operation.execute;
	if (!execute) throw new NodeOperationError(this.getNode(), `The operation "${operationName}" has no executor`);

	// Without Continue On Fail the first bad item ends the run. Items run several at a time, so find it
	// before any item writes: a batch with one bad item then writes nothing.
	if (operation.validate && !this.continueOnFail()) {
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			await operation.validate.call(this, itemIndex).catch((error: unknown) => {
				throw asItemError.call(this, error, itemIndex);
			});
		}
	}

	const runItem = async (itemIndex: number): Promise<INodeExecutionData[]> => {
		try {
			const output = await execute.call(this, itemIndex);
			return this.helpers.constructExecutionMetaData(output, { itemData: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) return [errorItem(error, { item: itemIndex })];
			throw asItemError.call(this, error, itemIndex);
		}
	};

	const orderingKey = operation.orderingKey;
	const perItem = orderingKey
		? await runInLanes(items.length, ITEM_CONCURRENCY, (i) => orderingKey.call(this, i), runItem)
		: await runInLanes(items.length, 1, () => undefined, runItem);
	return [perItem.flat()];
}
