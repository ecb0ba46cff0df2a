import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';

export const operations = {
	create: { execute: create.execute },
	getAll: { execute: getAll.execute },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customField'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a custom contact field (text, number, date, choice and more)',
				action: 'Create a custom field',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "Get the account's custom contact fields with their IDs, types and choices",
				action: 'Get many custom fields',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...getAll.description,
];
