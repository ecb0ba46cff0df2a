import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CONTACT_SUBRESOURCE_OPTIONS } from './descriptions/locators.description';
import { simplifyField } from './descriptions/output.description';
import { CONTACT_OUTPUT, SIMPLE_CONTACT_INCLUDE, SIMPLE_CONTACT_SUMMARY } from './mapping/contact/contactOutput';
import type { ResourceOutput } from './mapping/common/output';
import { shapeOutput } from './mapping/common/output';
import { CAMPAIGN_SENT_OUTPUT, ENGAGEMENT_OUTPUT, SIMPLE_CAMPAIGN_SENT_SUMMARY, SIMPLE_ENGAGEMENT_SUMMARY } from './mapping/report/reportOutput';
import { methods } from './methods';
import { pollCampaignSent } from './trigger/campaignSent';
import { contactBounced } from './trigger/contactBounced';
import { contactClicked } from './trigger/contactClicked';
import { contactOptedOut } from './trigger/contactOptedOut';
import type { EngagementSpec } from './trigger/engagement';
import { ENGAGEMENT, pollEngagement } from './trigger/engagement';
import { pollEventRegistrations } from './trigger/eventRegistration';
import type { TriggerEvent } from './trigger/poll';
import { pollContacts } from './trigger/poll';
import { checkedNumber } from './actions/parameters';
import { eventIdFrom, eventLocator, trackField, trackParam } from './actions/event/shared';
import { NEW_REGISTRATION_OUTPUT, SIMPLE_NEW_REGISTRATION_SUMMARY } from './mapping/event/eventOutput';
import { assertSupportedN8n } from './n8nVersion';

// Loading on an n8n older than the package supports fails here, with a message that says so.
assertSupportedN8n(NodeConnectionTypes);

const CONTACT_EVENTS: TriggerEvent[] = ['contactCreated', 'contactUpdated', 'contactUnsubscribed'];
const ENGAGEMENT_EVENTS: Record<string, EngagementSpec> = { contactBounced, contactClicked, contactOptedOut };
const ENGAGEMENT_EVENT_NAMES = Object.keys(ENGAGEMENT_EVENTS);

/** Every event's items have more than 10 fields: each is simplified by default, as "Simplify" says. */
function simplified(this: IPollFunctions, polled: INodeExecutionData[][] | null, output: ResourceOutput): INodeExecutionData[][] | null {
	if (!polled || this.getNodeParameter('simple', true) === false) return polled;
	return polled.map((items) => items.map((item) => ({ ...item, json: shapeOutput(item.json as IDataObject, output, 'simple') })));
}

// The description lives here: n8n's community lint reads a node's description only from its .node.ts file.
export class ConstantContactTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Constant Contact Trigger',
		name: 'constantContactTrigger',
		icon: { light: 'file:constantContact.svg', dark: 'file:constantContact.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when contacts are created, updated or unsubscribed in Constant Contact, when a campaign is sent, when contacts bounce, click or opt out of recent campaigns, and when someone registers for an event',
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
						name: 'Campaign Sent',
						value: 'campaignSent',
						description: 'An email campaign was sent (a campaign sent again to new contacts is sent again)',
					},
					{
						name: 'Contact Bounced',
						value: 'contactBounced',
						description: "A recently sent campaign's email to a contact bounced",
					},
					{
						name: 'Contact Clicked',
						value: 'contactClicked',
						description: 'A contact clicked a link in a recently sent campaign',
					},
					{
						name: 'Contact Created',
						value: 'contactCreated',
						description: 'A contact was added to the account',
					},
					{
						name: 'Contact Opted Out',
						value: 'contactOptedOut',
						description: "A contact unsubscribed through a recently sent campaign's email (with the campaign and reason)",
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
					{
						name: 'Event Registration',
						value: 'eventRegistration',
						description: 'Someone registered for an event (one track of it)',
					},
				],
			},
			{
				displayName:
					'The first time the workflow is active it starts from now: changes made before are not emitted. A manual test run fetches the most recent match as a sample.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
			},
			{
				...simplifyField({ show: { event: CONTACT_EVENTS } }),
				hint: `Simplified: ${SIMPLE_CONTACT_SUMMARY}`,
			},
			{
				...simplifyField({ show: { event: ['campaignSent'] } }),
				hint: `Simplified: ${SIMPLE_CAMPAIGN_SENT_SUMMARY}`,
			},
			{
				...simplifyField({ show: { event: ENGAGEMENT_EVENT_NAMES } }),
				hint: `Simplified: ${SIMPLE_ENGAGEMENT_SUMMARY}`,
			},
			{
				...simplifyField({ show: { event: ['eventRegistration'] } }),
				hint: `Simplified: ${SIMPLE_NEW_REGISTRATION_SUMMARY}`,
			},
			eventLocator({ show: { event: ['eventRegistration'] } }, 'The event whose new registrations start the workflow', 'eventId'),
			trackField({ show: { event: ['eventRegistration'] } }, 'Only registrations of this track (ticket type)'),
			{
				displayName: `Each poll reads the whole track: 1 request per 100 registrations (at most 50), plus 1 per new registration with Include Answers, out of the app's 10,000 a day shared by every workflow.`,
				name: 'registrationNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['eventRegistration'] } },
			},
			{
				displayName: 'Options',
				name: 'registrationOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { event: ['eventRegistration'] } },
				options: [
					{
						displayName: 'Include Answers',
						name: 'includeAnswers',
						type: 'boolean',
						default: true,
						description: "Whether to add the registration form's fields with the answers, the tickets and the order (one more request per registration)",
					},
				],
			},
			{
				displayName: `Each poll costs 1 request plus 1 per watched campaign email, out of the app's 10,000 a day shared by every workflow: poll every 15 minutes or less often unless you watch few campaigns.`,
				name: 'engagementNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ENGAGEMENT_EVENT_NAMES } },
			},
			{
				displayName: 'Options',
				name: 'engagementOptions',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { event: ENGAGEMENT_EVENT_NAMES } },
				options: [
					{
						displayName: 'Campaigns Sent Within (Days)',
						name: 'days',
						type: 'number',
						default: 7,
						typeOptions: { minValue: ENGAGEMENT.limits.days.min, maxValue: ENGAGEMENT.limits.days.max },
						description: 'Watch campaigns last sent this many days ago or less',
					},
					{
						displayName: 'Max Campaigns',
						name: 'maxCampaigns',
						type: 'number',
						default: 5,
						typeOptions: { minValue: ENGAGEMENT.limits.maxCampaigns.min, maxValue: ENGAGEMENT.limits.maxCampaigns.max },
						description: 'Watch at most this many campaigns, the most recently sent first; each costs a request per poll',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { event: CONTACT_EVENTS } },
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
		const selected = this.getNodeParameter('event') as string;
		if (selected === 'campaignSent') return simplified.call(this, await pollCampaignSent.call(this, this.getWorkflowStaticData('node')), CAMPAIGN_SENT_OUTPUT);
		if (selected === 'eventRegistration') {
			const options = this.getNodeParameter('registrationOptions', {}) as IDataObject;
			const settings = {
				eventId: eventIdFrom(this.getNode(), this.getNodeParameter('eventId', '', { extractValue: true })),
				track: trackParam(this.getNode(), this.getNodeParameter('trackId', '')),
				includeAnswers: options.includeAnswers !== false,
			};
			return simplified.call(this, await pollEventRegistrations.call(this, settings, this.getWorkflowStaticData('node')), NEW_REGISTRATION_OUTPUT);
		}
		const engagement = ENGAGEMENT_EVENTS[selected];
		if (engagement) {
			const watch = this.getNodeParameter('engagementOptions', {}) as IDataObject;
			// An expression may give NaN or text: the poll fails naming the setting, never watches a default silently.
			const checked = (label: string, value: unknown, limits: { min: number; max: number }) =>
				checkedNumber.call(this, label, value, { ...limits, integer: true, fix: `Set ${label} to a whole number from ${limits.min} to ${limits.max}.` });
			const settings = {
				days: checked('Campaigns Sent Within (Days)', watch.days ?? 7, ENGAGEMENT.limits.days),
				maxCampaigns: checked('Max Campaigns', watch.maxCampaigns ?? 5, ENGAGEMENT.limits.maxCampaigns),
			};
			return simplified.call(this, await pollEngagement.call(this, engagement, settings, this.getWorkflowStaticData('node')), ENGAGEMENT_OUTPUT);
		}
		const event = selected as TriggerEvent;
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
		return simplified.call(this, polled, CONTACT_OUTPUT);
	}
}
