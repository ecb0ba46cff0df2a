/**
 * Every number and date parameter of the node, given by an expression that yields NaN, Infinity, 1e20
 * or a value out of range: the item fails before any request, naming the parameter, and nothing
 * reaches a request, a deadline or a Date.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from './contact/setup.mts';
import { apiRequests, lists, run, startAccount } from './contact/setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const CONTACT_ID = '11111111-1111-4111-8111-111111111111';
const LIST_ID = '22222222-2222-4222-8222-222222222222';

const cases: Array<{ name: string; parameters: Record<string, unknown>; message: RegExp }> = [
	...[
		{ resource: 'contact', operation: 'getAll' },
		{ resource: 'list', operation: 'getAll' },
		{ resource: 'tag', operation: 'getAll' },
		{ resource: 'customField', operation: 'getAll' },
		{ resource: 'campaign', operation: 'getAll' },
		{ resource: 'segment', operation: 'getAll' },
		{ resource: 'report', operation: 'getCampaignSummaries' },
		{ resource: 'report', operation: 'getTracking', campaign: byId('33333333-3333-4333-8333-333333333333'), trackingReport: 'sends' },
		{ resource: 'report', operation: 'getContactActivityDetails', contact: byId(CONTACT_ID), activityTypes: ['em_opens'] },
	].map((p) => ({ name: `${p.resource} ${p.operation}: Limit NaN`, parameters: { ...p, returnAll: false, limit: '={{ NaN }}' }, message: /^Limit: NaN is not a whole number of 1 or more$/ })),
	{ name: 'contact getAll: Limit 0', parameters: { resource: 'contact', operation: 'getAll', returnAll: false, limit: 0 }, message: /^Limit: 0 is not/ },
	{ name: 'contact getAll: Limit 2.5', parameters: { resource: 'contact', operation: 'getAll', returnAll: false, limit: 2.5 }, message: /^Limit: 2.5 is not/ },
	{ name: 'contact getAll: Created After 1e20', parameters: { resource: 'contact', operation: 'getAll', returnAll: true, filters: { createdAfter: '={{ 1e20 }}' } }, message: /^Created After: (1e\+20|100000000000000000000) is outside the years 1970 to 9999$/ },
	{ name: 'contact getAll: Opted Out Before Infinity', parameters: { resource: 'contact', operation: 'getAll', returnAll: true, filters: { optOutBefore: '={{ Infinity }}' } }, message: /^Opted Out Before: Infinity is outside the years 1970 to 9999$/ },
	{ name: 'campaign getAll: Updated After 1e20', parameters: { resource: 'campaign', operation: 'getAll', returnAll: true, campaignFilters: { updatedAfter: '={{ 1e20 }}' } }, message: /^Updated After: (1e\+20|100000000000000000000) is outside/ },
	{ name: 'campaign schedule: Scheduled Date Infinity', parameters: { resource: 'campaign', operation: 'schedule', campaign: byId('1'), when: 'date', scheduledDate: '={{ Infinity }}' }, message: /^Scheduled Date: Infinity is outside/ },
	{ name: 'report contact summary: End 1e20', parameters: { resource: 'report', operation: 'getContactActivitySummary', contact: byId(CONTACT_ID), summaryOptions: { end: '={{ 1e20 }}' } }, message: /^End: (1e\+20|100000000000000000000) is outside/ },
	{ name: 'report contact summary: Start year 10000', parameters: { resource: 'report', operation: 'getContactActivitySummary', contact: byId(CONTACT_ID), summaryOptions: { start: '+010000-01-01T00:00:00Z' } }, message: /^Start: "\+010000-01-01T00:00:00Z" is outside/ },
	{ name: 'contact import: Timeout NaN', parameters: { resource: 'contact', operation: 'import', contactFields: { mappingMode: 'autoMapInputData', value: null }, importListMemberships: lists(LIST_ID), importOptions: { timeoutSeconds: '={{ NaN }}' } }, message: /^Timeout \(Seconds\): NaN is not a number from 0 to 3600$/ },
	{ name: 'contact addToLists: Timeout NaN', parameters: { resource: 'contact', operation: 'addToLists', contact: byId(CONTACT_ID), membershipLists: lists(LIST_ID), membershipOptions: { processing: 'bulk', timeoutSeconds: '={{ NaN }}' } }, message: /^Timeout \(Seconds\): NaN is not a number from 0 to 3600$/ },
	{ name: 'contact export: Timeout NaN', parameters: { resource: 'contact', operation: 'export', exportOptions: { timeoutSeconds: '={{ NaN }}' } }, message: /^Timeout \(Seconds\): NaN is not a number from 0 to 3600$/ },
	{ name: 'contact delete (bulk): Timeout -1', parameters: { resource: 'contact', operation: 'delete', contact: byId(CONTACT_ID), deleteOptions: { processing: 'bulk', timeoutSeconds: -1 } }, message: /^Timeout \(Seconds\): -1 is not a number from 0 to 3600$/ },
	{ name: 'contact removeTags: Timeout 1e9', parameters: { resource: 'contact', operation: 'removeTags', contact: byId(CONTACT_ID), membershipTags: [LIST_ID], membershipOptions: { processing: 'bulk', timeoutSeconds: 1e9 } }, message: /^Timeout \(Seconds\): 1000000000 is not a number from 0 to 3600$/ },
];

describe('number and date parameters from expressions', () => {
	it.each(cases)('$name: the item fails before any request, naming the parameter and the fix', async ({ parameters, message }) => {
		const { error } = await run(account, parameters, [{ Email: 'a@example.com' }]);
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(/Nothing was sent to Constant Contact for this item\. ./);
		expect(apiRequests(account.fake)).toHaveLength(0);
	});

	it('a Limit per item: the item with a bad one fails alone under Continue On Fail', async () => {
		account.fake.seed.list({ name: 'L' });
		const { output } = await run(account, { resource: 'list', operation: 'getAll', returnAll: false, limit: '={{ $json.limit }}' }, [{ limit: 1 }, { limit: 'ten' }], true);
		expect(output).toHaveLength(2);
		expect(output[0].json.name).toBe('L');
		expect(output[1].json.error).toBe('Limit: "ten" is not a whole number of 1 or more');
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(apiRequests(account.fake)).toHaveLength(1);
	});
});
