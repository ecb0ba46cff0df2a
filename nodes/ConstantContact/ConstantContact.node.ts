import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as contact from './actions/contact/Contact.resource';
import { router } from './actions/router';
import { methods } from './methods';

// The description lives here rather than in actions/versionDescription.ts: n8n's community lint
// (and so its verification scanner) reads a node's description only from its .node.ts file.
export class ConstantContact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Constant Contact',
		name: 'constantContact',
		icon: { light: 'file:constantContact.svg', dark: 'file:constantContact.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and update contacts in Constant Contact without re-subscribing anyone',
		defaults: {
			name: 'Constant Contact',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'constantContactOAuth2Api',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Contact',
						value: 'contact',
					},
				],
				default: 'contact',
			},
			...contact.description,
		],
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
