import type { INodeProperties } from 'n8n-workflow';

import * as getInfo from './getInfo.operation';

export const operations = {
	getInfo: { execute: getInfo.execute },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connection'] } },
		options: [
			{
				name: 'Get Connection Info',
				value: 'getInfo',
				description:
					"Check the Constant Contact connection: when its access token expires, which scopes it grants, and the connected user's privileges",
				action: 'Get connection info',
			},
		],
		default: 'getInfo',
	},
	...getInfo.description,
];
