import type { INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../descriptions/output.description';
import { CONTACT_OUTPUT, SIMPLE_CONTACT_SUMMARY } from '../../mapping/contact/contactOutput';
import { withBatchOutput, withOutput } from '../output';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as exportOperation from './export.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as importOperation from './import.operation';
import * as memberships from './memberships.operation';
import * as resubscribe from './resubscribe.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

/** Operations that return contacts shape them by "Simplify" (writes) or "Output" (Get, Get Many). */
export const operations = {
	create: { execute: withOutput(create.execute, CONTACT_OUTPUT, 'simple'), orderingKey: create.orderingKey, validate: create.validate },
	upsert: { execute: withOutput(upsert.execute, CONTACT_OUTPUT, 'simple'), orderingKey: upsert.orderingKey, validate: upsert.validate },
	import: { executeBatch: importOperation.executeBatch },
	export: { execute: exportOperation.execute },
	get: { execute: withOutput(get.execute, CONTACT_OUTPUT, 'output'), orderingKey: get.orderingKey },
	getAll: { execute: withOutput(getAll.execute, CONTACT_OUTPUT, 'output') },
	update: { execute: withOutput(update.execute, CONTACT_OUTPUT, 'simple'), orderingKey: update.orderingKey, validate: update.validate },
	delete: {
		execute: deleteOperation.execute,
		orderingKey: deleteOperation.orderingKey,
		executeBatch: deleteOperation.executeBatch,
		batchWhen: deleteOperation.deletesInBulk,
	},
	addToLists: { executeBatch: withBatchOutput(memberships.addToLists, CONTACT_OUTPUT, 'simple') },
	removeFromLists: { executeBatch: withBatchOutput(memberships.removeFromLists, CONTACT_OUTPUT, 'simple') },
	addTags: { executeBatch: withBatchOutput(memberships.addTags, CONTACT_OUTPUT, 'simple') },
	removeTags: { executeBatch: withBatchOutput(memberships.removeTags, CONTACT_OUTPUT, 'simple') },
	resubscribe: { execute: resubscribe.execute, orderingKey: resubscribe.orderingKey, validate: resubscribe.validate },
};

/** The operations whose output is a contact written by the node: they offer "Simplify". */
const SIMPLIFIED_WRITES = ['create', 'upsert', 'update', 'addToLists', 'removeFromLists', 'addTags', 'removeTags'];

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
				description:
					'Delete a contact, found by email address or ID (Constant Contact keeps it as deleted and can restore it); many input items through one bulk activity per 500 contacts',
				action: 'Delete a contact',
			},
			{
				name: 'Export',
				value: 'export',
				description:
					"Retrieve every contact, or those in lists, with tags or a status, through Constant Contact's export file: a few API calls for any number of contacts",
				action: 'Export contacts',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Retrieve a contact by email address or ID, with its lists, tags, custom fields and other details',
				action: 'Get a contact',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'Retrieve many contacts, filtered by email, status, lists, tags, or when they were created, updated or unsubscribed',
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
	...exportOperation.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteOperation.description,
	...memberships.description,
	...resubscribe.description,
	{
		...simplifyField({ show: { resource: ['contact'], operation: SIMPLIFIED_WRITES } }),
		hint: `Simplified: ${SIMPLE_CONTACT_SUMMARY}, and the action taken`,
	},
];
