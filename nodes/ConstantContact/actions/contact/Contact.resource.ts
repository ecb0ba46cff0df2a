import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as importOperation from './import.operation';
import * as upsert from './upsert.operation';

export const operations = {
	create: { execute: create.execute, orderingKey: create.orderingKey },
	upsert: { execute: upsert.execute, orderingKey: upsert.orderingKey },
	import: { executeBatch: importOperation.executeBatch },
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
			{
				name: 'Import',
				value: 'import',
				description:
					'Create or update many contacts in one bulk import: up to 40,000 per request, a few API calls in all, consent kept',
				action: 'Import contacts in bulk',
			},
		],
		default: 'upsert',
	},
	...create.description,
	...upsert.description,
	...importOperation.description,
];
