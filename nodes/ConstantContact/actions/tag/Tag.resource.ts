import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations = {
	create: { execute: create.execute },
	get: { execute: get.execute },
	getAll: { execute: getAll.execute },
	update: { execute: update.execute },
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
				name: 'Get',
				value: 'get',
				description: 'Retrieve one tag by ID, optionally with how many contacts have it',
				action: 'Get a tag',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "Get the account's tags with their IDs, optionally with how many contacts have each",
				action: 'Get many tags',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Rename a tag; the contacts that have it keep it',
				action: 'Update a tag',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteOperation.description,
];
