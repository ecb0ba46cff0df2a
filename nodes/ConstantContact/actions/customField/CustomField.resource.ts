import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as deleteMany from './deleteMany.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
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
		displayOptions: { show: { resource: ['customField'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a custom contact field (text, number, date, choice and more)',
				action: 'Create a custom field',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a custom field and its value on every contact',
				action: 'Delete a custom field',
			},
			{
				name: 'Delete Many',
				value: 'deleteMany',
				description: "Delete the input items' custom fields together in bulk activities (up to 100 each); each item reports its own field",
				action: 'Delete many custom fields',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Retrieve one custom field by ID with its type and choices',
				action: 'Get a custom field',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "Get the account's custom contact fields with their IDs, types and choices",
				action: 'Get many custom fields',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Rename a custom field or change a choice field's choices; its type stays",
				action: 'Update a custom field',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteOperation.description,
	...deleteMany.description,
];
