import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as campaign from './actions/campaign/Campaign.resource';
import * as connection from './actions/connection/Connection.resource';
import * as contact from './actions/contact/Contact.resource';
import * as customField from './actions/customField/CustomField.resource';
import * as event from './actions/event/Event.resource';
import * as list from './actions/list/List.resource';
import * as report from './actions/report/Report.resource';
import * as segment from './actions/segment/Segment.resource';
import * as tag from './actions/tag/Tag.resource';
import { router } from './actions/router';
import { methods } from './methods';
import { assertSupportedN8n } from './n8nVersion';

// Loading on an n8n older than the package supports fails here, with a message that says so.
assertSupportedN8n(NodeConnectionTypes);

// The description lives here rather than in actions/versionDescription.ts: n8n's community lint
// (and so its verification scanner) reads a node's description only from its .node.ts file.
export class ConstantContact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Constant Contact',
		name: 'constantContact',
		icon: { light: 'file:constantContact.svg', dark: 'file:constantContact.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage contacts, email campaigns, segments, reports and event registrations in Constant Contact without re-subscribing anyone',
		defaults: {
			name: 'Constant Contact',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'constantContactOAuth2Api',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Campaign',
						value: 'campaign',
					},
					{
						name: 'Connection',
						value: 'connection',
					},
					{
						name: 'Contact',
						value: 'contact',
					},
					{
						name: 'Custom Field',
						value: 'customField',
					},
					{
						name: 'Event',
						value: 'event',
					},
					{
						name: 'List',
						value: 'list',
					},
					{
						name: 'Report',
						value: 'report',
					},
					{
						name: 'Segment',
						value: 'segment',
					},
					{
						name: 'Tag',
						value: 'tag',
					},
				],
				default: 'contact',
			},
			...contact.description,
			...list.description,
			...tag.description,
			...customField.description,
			...connection.description,
			...campaign.description,
			...segment.description,
			...report.description,
			...event.description,
		],
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
