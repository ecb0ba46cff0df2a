import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const on = (operation: string[]) => ({ show: { resource: ['segment'], operation } });

/** The segment the `segment` resource locator names: an integer id. */
export function segmentIdParam(this: IExecuteFunctions, itemIndex: number): string {
	const id = String(this.getNodeParameter('segment', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!id) throw new NodeOperationError(this.getNode(), 'Segment: no segment chosen; pick one from the list or give its ID', { itemIndex });
	if (!/^\d+$/.test(id)) throw new NodeOperationError(this.getNode(), `Segment: "${id}" is not a segment ID (a whole number); pick the segment from the list`, { itemIndex });
	return id;
}

export function checkSegmentName(this: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const name = String(value ?? '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'Name: required; segment names are unique in the account', { itemIndex });
	return name;
}
