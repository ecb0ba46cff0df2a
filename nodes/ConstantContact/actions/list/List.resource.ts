import type { INodeProperties } from 'n8n-workflow';

import { listLocator } from '../../descriptions/locators.description';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as deleteMany from './deleteMany.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import { on } from './shared';
import * as update from './update.operation';

export const operations = {
	create: { execute: create.execute },
	get: { execute: get.execute },
	getAll: { execute: getAll.execute },
	update: { execute: update.execute },
	delete: { execute: deleteOperation.execute },
	deleteMany: { executeBatch: deleteMany.executeBatch },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['list'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a contact list with a unique name', action: 'Create a list' },
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a contact list; its contacts stay in the account',
				action: 'Delete a list',
			},
			{
				name: 'Delete Many',
				value: 'deleteMany',
				description: "Delete the input items' lists together in bulk activities (up to 100 each); each item reports its own list",
				action: 'Delete many lists',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one contact list by ID, optionally with its number of members',
				action: 'Get a list',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "Get the account's contact lists with their IDs, optionally with their number of members",
				action: 'Get many lists',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Rename a list or change its description or favorite flag; other fields are kept',
				action: 'Update a list',
			},
		],
		default: 'getAll',
	},
	listLocator(on(['get', 'update', 'delete'])),
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteOperation.description,
	...deleteMany.description,
];
