import type { INodeProperties } from 'n8n-workflow';

import { EVENT_OUTPUT, REGISTRATION_OUTPUT } from '../../mapping/event/eventOutput';
import { withOutput } from '../output';
import * as getAll from './getAll.operation';
import * as getRegistrations from './getRegistrations.operation';
import * as updateRegistrationStatus from './updateRegistrationStatus.operation';

/** Events (Constant Contact Events, campaign data): the reads have more than 10 fields a row and offer "Output". */
export const operations = {
	getAll: { execute: withOutput(getAll.execute, EVENT_OUTPUT, 'output') },
	getRegistrations: { execute: withOutput(getRegistrations.execute, REGISTRATION_OUTPUT, 'output') },
	updateRegistrationStatus: { execute: updateRegistrationStatus.execute },
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: "Retrieve the account's events with their registration counts",
				action: 'Get many events',
			},
			{
				name: 'Get Registrations',
				value: 'getRegistrations',
				description: "Retrieve who registered for an event's track, with registration and payment status",
				action: 'Get registrations of an event',
			},
			{
				name: 'Update Registration Status',
				value: 'updateRegistrationStatus',
				description: 'Cancel registrations of an event track, or register them again',
				action: 'Update the status of event registrations',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...getRegistrations.description,
	...updateRegistrationStatus.description,
];
