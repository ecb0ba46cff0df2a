import { describe, expect, it } from 'vitest';

import { autoMapItem } from '../../../../nodes/ConstantContact/mapping/contact/autoMap.ts';
import { MAPPING_DEFAULTS } from '../../../../nodes/ConstantContact/mapping/contact/defaults.ts';
import type { CustomFieldDefinition } from '../../../../nodes/ConstantContact/mapping/contact/types.ts';

// The hazards the payload research found (test/fixtures/payloads/*.json, mapping_hazards), one each.
describe('autoMapItem: what it must not take', () => {
	it('a Shopify customer\'s account `state` is not an address when the item has an address record', () => {
		const { input } = autoMapItem({ email: 'a@b.co', state: 'disabled', default_address: { address1: '1 Main St', city: 'Ottawa', province: 'ON', zip: 'K2P' } }, 'contacts');
		expect(input.street_addresses).toEqual([{ kind: 'home', street: '1 Main St', city: 'Ottawa', state: 'ON', postal_code: 'K2P' }]);
	});

	it('a lone state is not an address', () => {
		expect(autoMapItem({ email: 'a@b.co', state: 'disabled' }, 'contacts').input.street_addresses).toEqual([]);
	});

	it('the same address twice (Salesforce MailingCity and MailingAddress) is one address', () => {
		const { input } = autoMapItem(
			{ Email: 'a@b.co', MailingCity: 'Austin', MailingPostalCode: '78767', MailingAddress: { city: 'Austin', postalCode: '78767', stateCode: 'TX' } },
			'contacts',
		);
		expect(input.street_addresses).toEqual([{ kind: 'home', city: 'Austin', postal_code: '78767' }]);
	});

	it('billing and a different shipping address: home and other; a phone at the billing address takes its kind', () => {
		const { input } = autoMapItem(
			{ email: 'a@b.co', billing: { address_1: '1 A St', city: 'X', phone: '555-0101' }, shipping: { address_1: '2 B St', city: 'Y' } },
			'contacts',
		);
		expect(input.street_addresses).toEqual([
			{ kind: 'home', street: '1 A St', city: 'X' },
			{ kind: 'other', street: '2 B St', city: 'Y' },
		]);
		expect(input.phone_numbers).toEqual([{ phone_number: '555-0101', kind: 'home' }]);
	});

	it('an organisation record\'s address, the record owner\'s email and name, numbers and IDs are not the contact\'s', () => {
		const { input } = autoMapItem(
			{
				email: [{ value: 'p@example.com', primary: true }],
				name: 'Will Smith',
				owner_id: { name: 'Jane Owner', email: 'owner@example.com', value: 1 },
				org_id: { name: 'Org', address: 'Tallinn', value: 7 },
				vid: 3234574,
				open_deals_count: 2,
				'Number of employees': 250,
				AssistantPhone: '555-0199',
				Fax: '555-0198',
				HasOptedOutOfEmail: false,
			},
			'contacts',
		);
		expect(input).toMatchObject({ email: 'p@example.com', first_name: 'Will', last_name: 'Smith', company_name: 'Org', phone_numbers: [], street_addresses: [] });
	});

	it('a question keeps to its own words: a recalled first name in a last-name question, a move date is no birthday', () => {
		const { input } = autoMapItem(
			{
				"What's your first name?": 'Jane',
				'And your last name, [field:first_name]?': 'Doe',
				'When did you move to the place where you live?': '2005-10-15',
				'If you are OK with it, please give us your email address.': 'jane@example.com',
				'Company size': '50-100',
			},
			'contacts',
		);
		expect(input).toMatchObject({ email: 'jane@example.com', first_name: 'Jane', last_name: 'Doe' });
		expect(input.birthday_month).toBeUndefined();
		expect(input.company_name).toBeUndefined();
	});

	it('a label that is a custom field\'s label is that custom field, not a guess', () => {
		const definitions: CustomFieldDefinition[] = [{ custom_field_id: 'cf-role', label: 'Your role in the team', type: 'string' }];
		const { input, guessed } = autoMapItem({ email: 'a@b.co', 'Your role in the team': 'Captain' }, 'contacts', definitions);
		expect(input.job_title).toBeUndefined();
		expect(input.custom_fields).toEqual([{ key: 'cf-role', value: 'Captain' }]);
		expect(guessed).toEqual([]);
		// Without the account's custom fields the label is a guess, so that the node loads them first.
		expect(autoMapItem({ email: 'a@b.co', 'Your role in the team': 'Captain' }, 'contacts').guessed).toEqual(['Your role in the team']);
	});

	it('empty Jotform date parts are no birthday; a checkbox answer goes to a custom field comma-separated', () => {
		const definitions: CustomFieldDefinition[] = [{ custom_field_id: 'cf-topics', label: 'Topics', type: 'multi_select' }];
		const { input } = autoMapItem({ email: 'a@b.co', q15_birthday: { month: '', day: '', year: '' }, Topics: ['News', 'Events'] }, 'contacts', definitions);
		expect(input.birthday_month).toBeUndefined();
		expect(input.custom_fields).toEqual([{ key: 'cf-topics', value: 'News, Events' }]);
	});

	it('more phones than Constant Contact takes: the first three (the primary first), each once', () => {
		const { input } = autoMapItem(
			{ email: 'a@b.co', phones: [{ value: '101 1', label: 'home' }, { value: '202 2', label: 'work', primary: true }, { value: '1011', label: 'mobile' }, { value: '303 3' }, { value: '404 4' }] },
			'contacts',
		);
		expect(input.phone_numbers).toEqual([
			{ phone_number: '202 2', kind: 'work' },
			{ phone_number: '101 1', kind: 'home' },
			{ phone_number: '303 3', kind: MAPPING_DEFAULTS.phoneKind },
		]);
	});

	it('says what it left out: phones and addresses past the limit, a birthday that is no date; nothing when all fit', () => {
		const item = {
			email: 'a@b.co',
			phones: ['101 1', '202 2', '303 3', '404 4', '505 5'],
			billing: { address1: '1 Main St', city: 'Springfield', postcode: '11111' },
			shipping: { address1: '2 Side St', city: 'Shelbyville', postcode: '22222' },
			work_address: { street: '3 Office Rd', city: 'Capital City' },
			other_address: { street: '4 Far Lane', city: 'Ogdenville', country: 'US' },
			birthday: 'soon',
		};
		const { input, dropped } = autoMapItem(item, 'contacts');
		expect(input.phone_numbers).toHaveLength(3);
		expect(input.street_addresses).toHaveLength(3);
		expect(dropped).toEqual([
			'Birthday "soon": not a date',
			'Street Address "4 Far Lane, Ogdenville, US": Constant Contact takes at most 3 per contact on /contacts',
			'Phone Number "404 4": Constant Contact takes at most 3 per contact on /contacts',
			'Phone Number "505 5": Constant Contact takes at most 3 per contact on /contacts',
		]);
		expect(autoMapItem({ email: 'a@b.co', mobile: '555', phone: '556', city: 'X', zip: '1' }, 'sign_up_form').dropped).toEqual([
			'Phone Number "556": Constant Contact takes at most 1 per contact on /contacts/sign_up_form',
		]);
		expect(autoMapItem({ email: 'a@b.co', phones: ['101 1', '1011'], birthday: '05/17' }, 'contacts').dropped).toEqual([]);
		expect(autoMapItem({ email: 'a@b.co', q15_birthday: { month: '', day: '', year: '' } }, 'contacts').dropped).toEqual([]);
		expect(autoMapItem({ email: 'a@b.co', q15_birthday: { month: '13', day: '40', year: '1990' } }, 'contacts').dropped).toEqual(['Birthday: its parts are not a date']);
	});

	it('the sign-up form: one phone without a kind, one address with one', () => {
		const { input } = autoMapItem({ email: 'a@b.co', mobile: '555', phone: '556', city: 'X', zip: '1' }, 'sign_up_form');
		expect(input.phone_numbers).toEqual([{ phone_number: '555' }]);
		expect(input.street_addresses).toEqual([{ kind: 'home', city: 'X', postal_code: '1' }]);
	});
});
