import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IDataObject } from 'n8n-workflow';

import {
	CAMPAIGN_FIELD_OPTIONS,
	CAMPAIGN_OUTPUT,
	EMAIL_CONTENT_INCLUDE,
	campaignEmailInclude,
	isCampaignRecord,
	simplifyCampaign,
} from '../../../../nodes/ConstantContact/mapping/campaign/campaignOutput.ts';
import { shapeOutput } from '../../../../nodes/ConstantContact/mapping/common/output.ts';

/** A campaign as `GET /emails/{id}` returns it (the contract's EmailCampaign), with its primary email read. */
const campaign: IDataObject = {
	campaign_id: 'c1',
	name: 'Spring',
	current_status: 'Draft',
	type: 'CUSTOM_CODE_EMAIL',
	type_code: 26,
	created_at: 't0',
	updated_at: 't1',
	campaign_activities: [
		{ campaign_activity_id: 'p1', role: 'permalink' },
		{ campaign_activity_id: 'a1', role: 'primary_email' },
	],
};
const primaryEmail: IDataObject = {
	campaign_activity_id: 'a1',
	campaign_id: 'c1',
	role: 'primary_email',
	current_status: 'DRAFT',
	format_type: 5,
	from_email: 'a@example.com',
	from_name: 'A',
	reply_to_email: 'a@example.com',
	subject: 'S',
	preheader: 'P',
	html_content: '<html><body>[[trackingImage]]</body></html>',
	contact_list_ids: ['l1'],
};

describe('simplifyCampaign', () => {
	it('flattens the campaign and its primary email into ten fields, the most used first', () => {
		const out = simplifyCampaign({ ...campaign, primary_email: primaryEmail });
		expect(out).toEqual({
			campaign_id: 'c1',
			name: 'Spring',
			current_status: 'Draft',
			primary_email_activity_id: 'a1',
			subject: 'S',
			from_email: 'a@example.com',
			contact_list_ids: ['l1'],
			segment_ids: [],
			created_at: 't0',
			updated_at: 't1',
		});
		expect(Object.values(out).some((v) => typeof v === 'object' && v !== null && !Array.isArray(v))).toBe(false);
	});

	it('gives every campaign the same keys: null where the primary email was not read (a deleted campaign)', () => {
		const bare = simplifyCampaign({ ...campaign, current_status: 'Removed' });
		expect(Object.keys(bare)).toEqual(Object.keys(simplifyCampaign({ ...campaign, primary_email: primaryEmail })));
		expect(bare).toMatchObject({ primary_email_activity_id: 'a1', subject: null, from_email: null, contact_list_ids: null, segment_ids: null });
	});
});

describe('the campaign through shapeOutput', () => {
	const raw = { ...campaign, primary_email: primaryEmail };

	it('Selected Fields: the campaign ID and the chosen fields as Constant Contact returned them', () => {
		expect(shapeOutput(raw, CAMPAIGN_OUTPUT, 'fields', ['name', 'primary_email'])).toEqual({ campaign_id: 'c1', name: 'Spring', primary_email: primaryEmail });
		expect(shapeOutput(raw, CAMPAIGN_OUTPUT, 'raw')).toBe(raw);
	});

	it("leaves what is not a campaign alone: a delete's confirmation, an error item", () => {
		for (const json of [{ campaign_id: 'c1', name: 'Spring', deleted: true }, { error: 'Campaign: no email campaign with ID x' }]) {
			expect(isCampaignRecord(json)).toBe(false);
			expect(shapeOutput(json, CAMPAIGN_OUTPUT, 'simple')).toBe(json);
		}
	});
});

describe('what Campaign → Get reads for each Output mode', () => {
	it('Simplified reads the primary email without its content; Raw as Include Email Content says; Selected Fields for Primary Email', () => {
		expect(campaignEmailInclude('simple', [], true)).toEqual([]);
		expect(campaignEmailInclude('raw', [], false)).toBeUndefined();
		expect(campaignEmailInclude('raw', [], true)).toEqual(EMAIL_CONTENT_INCLUDE);
		expect(campaignEmailInclude('fields', ['name'], true)).toBeUndefined();
		expect(campaignEmailInclude('fields', ['primary_email'], false)).toEqual(['html_content', 'physical_address_in_footer', 'permalink_url']);
	});

	it("offers every field of the contract's EmailCampaign but its ID, and the primary email, sorted by name", () => {
		const names = CAMPAIGN_FIELD_OPTIONS.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		const swagger = readFileSync(new URL('../../../../test/fake-constant-contact/swagger-v3.yaml', import.meta.url), 'utf8');
		const block = swagger.slice(swagger.indexOf('\n  EmailCampaign:\n'), swagger.indexOf('\n  EmailCampaignName:\n'));
		const properties = [...block.matchAll(/^ {6}([a-z_]+):$/gm)].map((m) => m[1]);
		expect(properties).toContain('campaign_activities');
		expect(CAMPAIGN_FIELD_OPTIONS.map((o) => o.value).sort()).toEqual([...properties.filter((p) => p !== 'campaign_id'), 'primary_email'].sort());
	});
});
