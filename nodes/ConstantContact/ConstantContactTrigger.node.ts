import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CONTACT_SUBRESOURCE_OPTIONS } from './descriptions/locators.description';
import { simplifyField } from './descriptions/output.description';
import { SIMPLE_CONTACT_INCLUDE, SIMPLE_CONTACT_SUMMARY, simplifyContact } from './mapping/contactOutput';
import { methods } from './methods';
import type { TriggerEvent } from './trigger/poll';
import { pollContacts } from './trigger/poll';

// The description lives here: n8n's community lint reads a node's description only from its .node.ts file.
export class ConstantContactTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Constant Contact Trigger',
		name: 'constantContactTrigger',
		icon: { light: 'file:constantContact.svg', dark: 'file:constantContact.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when contacts are created, updated or unsubscribed in Constant Contact',
		defaults: {
			name: 'Constant Contact Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'constantContactOAuth2Api',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				default: 'contactCreated',
				options: [
					{
						name: 'Contact Created',
						value: 'contactCreated',
						description: 'A contact was added to the account',
					},
					{
						name: 'Contact Unsubscribed',
						value: 'contactUnsubscribed',
						description: 'A contact unsubscribed, or was unsubscribed',
					},
					{
						name: 'Contact Updated',
						value: 'contactUpdated',
						description: 'A contact changed: its fields, lists, tags or permission',
					},
				],
			},
			{
				displayName:
					'The first time the workflow is active it starts from now: changes made before are not emitted. A manual test run fetches the most recent matching contact as a sample.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
			},
			{
				...simplifyField(),
				hint: `Simplified: ${SIMPLE_CONTACT_SUMMARY}`,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include',
						name: 'include',
						type: 'multiOptions',
						options: CONTACT_SUBRESOURCE_OPTIONS,
						default: ['custom_fields', 'list_memberships', 'taggings'],
						description: 'Parts of each contact to output besides its name, email and permission',
						displayOptions: { show: { '/simple': [false] } },
					},
					{
						displayName: 'Include Newly Created Contacts',
						name: 'includeNewContacts',
						type: 'boolean',
						default: false,
						displayOptions: { show: { '/event': ['contactUpdated'] } },
						description: 'Whether Contact Updated also reports contacts that were just created and not changed since',
					},
					{
						displayName: 'List',
						name: 'list',
						type: 'resourceLocator',
						default: { mode: 'list', value: '' },
						description: 'Only contacts that are members of this list',
						modes: [
							{
								displayName: 'From List',
								name: 'list',
								type: 'list',
								placeholder: 'Select a list...',
								typeOptions: { searchListMethod: 'searchLists', searchable: true },
							},
							{
								displayName: 'By ID',
								name: 'id',
								type: 'string',
								placeholder: 'e.g. 07936f78-662a-11eb-af0a-fa163e56c9b0',
							},
						],
					},
				],
			},
		],
	};

	methods = { listSearch: methods.listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const list = options.list as { value?: unknown } | string | undefined;
		const listId = String((typeof list === 'object' && list !== null ? list.value : list) ?? '').trim();
		const simple = this.getNodeParameter('simple', true) !== false;
		const chosen = Array.isArray(options.include) ? (options.include as string[]) : ['custom_fields', 'list_memberships', 'taggings'];
		const polled = await pollContacts.call(
			this,
			{ event, listId: listId || undefined, include: simple ? SIMPLE_CONTACT_INCLUDE : chosen, includeNewContacts: options.includeNewContacts === true },
			this.getWorkflowStaticData('node'),
		);
		return simple && polled ? polled.map((items) => items.map((item) => ({ ...item, json: simplifyContact(item.json as IDataObject) }))) : polled;
	}
}
