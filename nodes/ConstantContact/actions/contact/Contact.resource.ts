import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as importOperation from './import.operation';
import * as memberships from './memberships.operation';
import * as resubscribe from './resubscribe.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations = {
	create: { execute: create.execute, orderingKey: create.orderingKey, validate: create.validate },
	upsert: { execute: upsert.execute, orderingKey: upsert.orderingKey, validate: upsert.validate },
	import: { executeBatch: importOperation.executeBatch },
	get: { execute: get.execute, orderingKey: get.orderingKey },
	getAll: { execute: getAll.execute },
	update: { execute: update.execute, orderingKey: update.orderingKey, validate: update.validate },
	delete: { execute: deleteOperation.execute, orderingKey: deleteOperation.orderingKey },
	addToLists: { executeBatch: memberships.addToLists },
	removeFromLists: { executeBatch: memberships.removeFromLists },
	addTags: { executeBatch: memberships.addTags },
	removeTags: { executeBatch: memberships.removeTags },
	resubscribe: { execute: resubscribe.execute, orderingKey: resubscribe.orderingKey, validate: resubscribe.validate },
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
				name: 'Add Tags',
				value: 'addTags',
				description:
					'Tag contacts: one contact by updating it, many input items through one bulk tagging activity per 500 contacts',
				action: 'Add tags to contacts',
			},
			{
				name: 'Add to Lists',
				value: 'addToLists',
				description:
					'Add contacts to lists: one contact by updating it, many input items through one bulk activity per 500 contacts',
				action: 'Add contacts to lists',
			},
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
				name: 'Delete',
				value: 'delete',
				description: 'Delete a contact, found by email address or ID (Constant Contact keeps it as deleted and can restore it)',
				action: 'Delete a contact',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one contact by email address or ID, with its lists, tags, custom fields and other details',
				action: 'Get a contact',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Search contacts by email, status, lists, tags, or when they were created, updated or unsubscribed',
				action: 'Get many contacts',
			},
			{
				name: 'Import',
				value: 'import',
				description:
					'Create or update many contacts in one bulk import: up to 40,000 per request, a few API calls in all, consent kept',
				action: 'Import contacts in bulk',
			},
			{
				name: 'Remove From Lists',
				value: 'removeFromLists',
				description:
					'Remove contacts from lists: one contact by updating it, many input items through one bulk activity per 500 contacts',
				action: 'Remove contacts from lists',
			},
			{
				name: 'Remove Tags',
				value: 'removeTags',
				description:
					'Remove tags from contacts: one contact by updating it, many input items through one bulk activity per 500 contacts',
				action: 'Remove tags from contacts',
			},
			{
				name: 'Resubscribe',
				value: 'resubscribe',
				description:
					'Ask an unsubscribed contact to opt back in: Constant Contact emails them a one-time confirmation request',
				action: 'Resubscribe a contact',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change a contact found by email address or ID: only the given fields change, and its permission to send only when asked',
				action: 'Update a contact',
			},
		],
		default: 'upsert',
	},
	...create.description,
	...upsert.description,
	...importOperation.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteOperation.description,
	...memberships.description,
	...resubscribe.description,
];
