import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as upsert from './upsert.operation';

export const operations = {
	create: { execute: create.execute, orderingKey: create.orderingKey },
	upsert: { execute: upsert.execute, orderingKey: upsert.orderingKey },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a new contact',
				action: 'Create a contact',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new contact, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
		],
		default: 'upsert',
	},
	...create.description,
	...upsert.description,
];
