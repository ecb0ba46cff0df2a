/**
 * A minimal node that sends requests through the package's transport exactly as operations do, so
 * transport behaviour (pacing, refresh, retries, errors) is tested inside n8n's execution on its own.
 * Its requests are given per test through `ProbeNode.plan`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import type { ConstantContactContext } from '../../nodes/ConstantContact/transport/requestTypes.ts';

export type ProbePlan = (ctx: ConstantContactContext) => Promise<unknown>;

export class ProbeNode implements INodeType {
	static plan: ProbePlan = async () => ({});

	description = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'Sends requests through the Constant Contact transport',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'constantContactOAuth2Api', required: true }],
		properties: [],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const result = await ProbeNode.plan(this);
		return [[{ json: { result } as IDataObject, pairedItem: { item: 0 } }]];
	}
}
