import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getAll from './getAll.operation';

export const operations = {
	create: { execute: create.execute },
	getAll: { execute: getAll.execute },
	delete: { execute: deleteOperation.execute },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a tag with a unique name', action: 'Create a tag' },
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a tag and remove it from every contact that has it',
				action: 'Delete a tag',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "Get the account's tags with their IDs, optionally with how many contacts have each",
				action: 'Get many tags',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...getAll.description,
	...deleteOperation.description,
];
