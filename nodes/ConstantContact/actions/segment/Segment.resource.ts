import type { INodeProperties } from 'n8n-workflow';

import { segmentLocator } from '../../descriptions/campaign.description';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as rename from './rename.operation';
import { on } from './shared';
import * as update from './update.operation';

export const operations = {
	create: { execute: create.execute },
	get: { execute: get.execute },
	getAll: { execute: getAll.execute },
	rename: { execute: rename.execute },
	update: { execute: update.execute },
	delete: { execute: deleteOperation.execute },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['segment'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a new segment from criteria JSON', action: 'Create a segment' },
			{ name: 'Delete', value: 'delete', description: 'Delete a segment', action: 'Delete a segment' },
			{ name: 'Get', value: 'get', description: 'Retrieve a segment with its criteria (deleted ones too)', action: 'Get a segment' },
			{ name: 'Get Many', value: 'getAll', description: 'Retrieve a list of segments, sorted by name or by last change', action: 'Get many segments' },
			{ name: 'Rename', value: 'rename', description: 'Give a segment a new name', action: 'Rename a segment' },
			{
				name: 'Update',
				value: 'update',
				description: "Change a segment's criteria, its name, or both; what is not given is kept",
				action: 'Update a segment',
			},
		],
		default: 'getAll',
	},
	segmentLocator('The segment to act on', on(['get', 'rename', 'update', 'delete'])),
	...create.description,
	...getAll.description,
	...rename.description,
	...update.description,
	...deleteOperation.description,
	...get.description,
];
