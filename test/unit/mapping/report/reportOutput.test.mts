import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IDataObject } from 'n8n-workflow';

import { shapeOutput } from '../../../../nodes/ConstantContact/mapping/common/output.ts';
import {
	CAMPAIGN_SENT_OUTPUT,
	ENGAGEMENT_OUTPUT,
	STATS_FIELD_OPTIONS,
	STATS_OUTPUT,
	SUMMARY_FIELD_OPTIONS,
	SUMMARY_OUTPUT,
	TRACKING_FIELD_OPTIONS,
	TRACKING_OUTPUT,
	simplifyActivityStats,
	simplifyCampaignSent,
	simplifyCampaignStats,
	simplifyEngagementEvent,
	simplifySummary,
	simplifyTrackingRow,
} from '../../../../nodes/ConstantContact/mapping/report/reportOutput.ts';

const flat = (out: IDataObject) => Object.values(out).every((v) => v === null || typeof v !== 'object' || Array.isArray(v));

/** The properties of one of the contract's schemas. */
function schema(name: string): string[] {
	const swagger = readFileSync(new URL('../../../../test/fake-constant-contact/swagger-v3.yaml', import.meta.url), 'utf8');
	const start = swagger.indexOf(`\n  ${name}:\n`);
	const end = swagger.slice(start + 3).search(/\n {2}[A-Za-z]/) + start + 3;
	return [...swagger.slice(start, end).matchAll(/^ {6}([a-z_]+):$/gm)].map((m) => m[1]);
}

const sortedByName = (options: Array<{ name: string }>) => expect(options.map((o) => o.name)).toEqual(options.map((o) => o.name).sort((a, b) => a.localeCompare(b)));

describe('simplified report rows: at most 10 flat fields, the same keys for every row, nested counts flattened', () => {
	it('summaries: the name is null when it was not looked up', () => {
		const out = simplifySummary({ campaign_id: 'c', name: 'N', campaign_type: 'Newsletter', last_sent_date: 't', unique_counts: { sends: 3, opens: 1, abuse: 0 } });
		expect(out).toEqual({ campaign_id: 'c', name: 'N', last_sent_date: 't', sends: 3, opens: 1, clicks: 0, bounces: 0, optouts: 0, not_opened: 0, forwards: 0 });
		const nameless = simplifySummary({ campaign_id: 'c', last_sent_date: 't', unique_counts: {} });
		expect(Object.keys(nameless)).toEqual(Object.keys(out));
		expect(nameless.name).toBeNull();
	});

	it('campaign stats keep the 0-100 rates; activity stats have none, and name their campaign and activity', () => {
		const campaign = simplifyCampaignStats({ campaign_id: 'c', stats: { em_sends: 10, em_opens: 4 }, percents: { open: 40, click: 25 }, last_refresh_time: 't' });
		expect(campaign).toMatchObject({ campaign_id: 'c', sends: 10, opens: 4, open_rate: 40, click_rate: 25 });
		expect(Object.keys(campaign)).toHaveLength(10);
		const activity = simplifyActivityStats({ campaign_id: 'c', campaign_activity_id: 'a', stats: { em_sends: 10, em_bounces_vacation: 1 } });
		expect(activity).toMatchObject({ campaign_id: 'c', campaign_activity_id: 'a', sends: 10, last_refresh_time: null });
		expect(Object.keys(activity)).toHaveLength(10);
		// One output for both kinds: each is told by its own shape.
		expect(shapeOutput({ campaign_id: 'c', campaign_activity_id: 'a', stats: {} }, STATS_OUTPUT, 'simple')).toHaveProperty('forwards');
		expect(shapeOutput({ campaign_id: 'c', stats: {}, percents: {} }, STATS_OUTPUT, 'simple')).toHaveProperty('open_rate');
		expect(flat(campaign) && flat(activity)).toBe(true);
	});

	it("tracking rows: the IDs, who, when, and each report's own detail, with null where a row lacks it", () => {
		const click = { campaign_id: 'c', contact_id: 'k', campaign_activity_id: 'a', tracking_activity_type: 'em_clicks', email_address: 'e', created_time: 't', url_id: '1', link_url: 'u', device_type: 'mobile', deleted_at: 'd' };
		expect(simplifyTrackingRow(click)).toEqual({
			campaign_id: 'c',
			campaign_activity_id: 'a',
			contact_id: 'k',
			email_address: 'e',
			first_name: null,
			last_name: null,
			created_time: 't',
			link_url: 'u',
			url_id: '1',
		});
		const detail = (type: string) => Object.keys(simplifyTrackingRow({ contact_id: 'k', tracking_activity_type: type })).slice(7);
		expect([detail('em_bounces'), detail('em_optouts'), detail('em_opens'), detail('em_sends'), detail('em_didnotopens'), detail('em_forwards')]).toEqual([
			['bounce_code'],
			['opt_out_reason'],
			['device_type'],
			[],
			[],
			[],
		]);
		// The clicks report has the most fields (11, and the campaign ID the node adds): simplified to 9.
		expect(schema('ClicksTrackingActivity')).toHaveLength(11);
	});

	it('leaves alone what is not a row: an ID Constant Contact had no stats for, an error item', () => {
		const none = { campaign_activity_id: 'a', stats: null, no_stats_reason: 'unknown' };
		expect(shapeOutput(none, STATS_OUTPUT, 'simple')).toBe(none);
		const error = { error: 'Tracking: "x" is not one of …' };
		for (const output of [SUMMARY_OUTPUT, STATS_OUTPUT, TRACKING_OUTPUT]) expect(shapeOutput(error, output, 'fields', ['stats'])).toBe(error);
	});

	it('Selected Fields keeps the IDs a workflow joins on: the campaign, the activity, the contact', () => {
		const row = { campaign_id: 'c', contact_id: 'k', campaign_activity_id: 'a', tracking_activity_type: 'em_opens', email_address: 'e', created_time: 't', device_type: 'mobile' };
		expect(shapeOutput(row, TRACKING_OUTPUT, 'fields', ['device_type'])).toEqual({ campaign_id: 'c', campaign_activity_id: 'a', contact_id: 'k', device_type: 'mobile' });
		expect(shapeOutput({ campaign_id: 'c', stats: { em_sends: 1 }, percents: {} }, STATS_OUTPUT, 'fields', [])).toEqual({ campaign_id: 'c' });
		expect(shapeOutput({ campaign_id: 'c', campaign_activity_id: 'a', stats: {} }, STATS_OUTPUT, 'fields', [])).toEqual({ campaign_id: 'c', campaign_activity_id: 'a' });
	});

	it("offers each report's fields but the IDs, sorted by name, as the contract names them", () => {
		for (const options of [SUMMARY_FIELD_OPTIONS, STATS_FIELD_OPTIONS, TRACKING_FIELD_OPTIONS]) sortedByName(options);
		expect(SUMMARY_FIELD_OPTIONS.map((o) => o.value).sort()).toEqual([...schema('BulkEmailCampaignSummary').filter((p) => p !== 'campaign_id'), 'name'].sort());
		expect(STATS_FIELD_OPTIONS.map((o) => o.value).sort()).toEqual(schema('CampaignStatsResultGenericStatsEmailPercentsEmail').filter((p) => p !== 'campaign_id').sort());
		const trackingFields = new Set(
			['Bounces', 'Clicks', 'DidNotOpens', 'Forwards', 'Opens', 'Optouts', 'Sends'].flatMap((kind) => schema(`${kind}TrackingActivity`)),
		);
		for (const id of TRACKING_OUTPUT.idFields) trackingFields.delete(id);
		expect(TRACKING_FIELD_OPTIONS.map((o) => o.value).sort()).toEqual([...trackingFields].sort());
	});
});

describe("the trigger's campaign events", () => {
	it('Contact Bounced, Opted Out, Clicked: the campaign and its name, then the tracking row; at most 10 fields', () => {
		const event = {
			event: 'contactClicked',
			campaign_id: 'c',
			campaign_name: 'Spring',
			contact_id: 'k',
			campaign_activity_id: 'a',
			tracking_activity_type: 'em_clicks',
			email_address: 'e',
			first_name: 'F',
			last_name: 'L',
			device_type: 'mobile',
			url_id: '1',
			link_url: 'u',
			created_time: 't',
			deleted_at: null,
		};
		const out = shapeOutput(event, ENGAGEMENT_OUTPUT, 'simple');
		expect(out).toEqual(simplifyEngagementEvent(event));
		expect(Object.keys(out)).toEqual(['campaign_id', 'campaign_name', 'campaign_activity_id', 'contact_id', 'email_address', 'first_name', 'last_name', 'created_time', 'link_url', 'url_id']);
		const bounce = shapeOutput({ ...event, tracking_activity_type: 'em_bounces', bounce_code: 'F' }, ENGAGEMENT_OUTPUT, 'simple');
		expect(bounce).toMatchObject({ campaign_name: 'Spring', bounce_code: 'F' });
		expect(bounce).not.toHaveProperty('link_url');
	});

	it('Campaign Sent: the campaign, when, to how many; the other counts are left to the raw output', () => {
		const sent = {
			campaign_id: 'c',
			name: 'Spring',
			current_status: 'Done',
			last_sent_date: 't',
			primary_email_activity_id: 'a',
			campaign_type: 'Newsletter',
			unique_counts: { sends: 3, opens: 0, clicks: 0, forwards: 0, optouts: 0, abuse: 0, bounces: 0, not_opened: 3 },
		};
		expect(shapeOutput(sent, CAMPAIGN_SENT_OUTPUT, 'simple')).toEqual(simplifyCampaignSent(sent));
		expect(simplifyCampaignSent(sent)).toMatchObject({ campaign_id: 'c', primary_email_activity_id: 'a', sends: 3 });
		expect(Object.keys(simplifyCampaignSent(sent))).toEqual(['campaign_id', 'name', 'current_status', 'last_sent_date', 'primary_email_activity_id', 'campaign_type', 'sends']);
		expect(flat(simplifyCampaignSent(sent))).toBe(true);
	});
});
