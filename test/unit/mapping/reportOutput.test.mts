import { describe, expect, it } from 'vitest';

import { simplifyActivityStats, simplifyCampaignStats, simplifySummary, simplifyTrackingRow } from '../../../nodes/ConstantContact/mapping/reportOutput.ts';

describe('simplified report rows (at most 10 fields, nested counts flattened)', () => {
	it('summaries', () => {
		const out = simplifySummary({ campaign_id: 'c', name: 'N', campaign_type: 'Newsletter', last_sent_date: 't', unique_counts: { sends: 3, opens: 1, abuse: 0 } });
		expect(out).toEqual({ campaign_id: 'c', name: 'N', last_sent_date: 't', sends: 3, opens: 1, clicks: 0, bounces: 0, optouts: 0, not_opened: 0, forwards: 0 });
		expect(Object.keys(out)).toHaveLength(10);
	});

	it('campaign stats keep the 0-100 rates; activity stats have none', () => {
		const campaign = simplifyCampaignStats({ campaign_id: 'c', stats: { em_sends: 10, em_opens: 4 }, percents: { open: 40, click: 25 }, last_refresh_time: 't' });
		expect(campaign).toMatchObject({ sends: 10, opens: 4, open_rate: 40, click_rate: 25 });
		expect(Object.keys(campaign)).toHaveLength(10);
		const activity = simplifyActivityStats({ campaign_id: 'c', campaign_activity_id: 'a', stats: { em_sends: 10, em_bounces_vacation: 1 } });
		expect(activity).toMatchObject({ campaign_activity_id: 'a', sends: 10, last_refresh_time: null });
		expect(Object.keys(activity)).toHaveLength(10);
	});

	it('tracking rows keep who, when, what and the report\'s own fields', () => {
		expect(
			simplifyTrackingRow({ contact_id: 'k', campaign_activity_id: 'a', tracking_activity_type: 'em_clicks', email_address: 'e', created_time: 't', url_id: '1', link_url: 'u', device_type: 'mobile', deleted_at: '2026-01-01' }),
		).toEqual({ email_address: 'e', first_name: null, last_name: null, created_time: 't', tracking_activity_type: 'em_clicks', contact_id: 'k', device_type: 'mobile', link_url: 'u', url_id: '1' });
	});
});
