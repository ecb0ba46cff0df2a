/**
 * The trigger's stored state cannot wedge it or make it go silent: rows dated in the future, a
 * stored position far ahead or unreadable, and answers the trigger cannot use, through n8n-core's
 * PollContext against the fake.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ConstantContactTrigger } from '../../../nodes/ConstantContact/ConstantContactTrigger.node.ts';
import type { FaultSpec } from '../../fake-constant-contact/server.mts';
import { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import type { Harness } from '../../helpers/n8n.mts';
import { connectedCredential, createHarness } from '../../helpers/n8n.mts';
import { createPoller } from '../../helpers/poll.mts';
import type { Fake } from './setup.mts';
import { iso, rows, sendCampaign } from './setup.mts';

let fake: Fake;
let harness: Harness;

beforeEach(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false });
	harness = createHarness(connectedCredential(fake, (await fake.issueTokens()) as unknown as IDataObject));
});

afterEach(async () => {
	fake.assertNoContractViolations();
	await fake.close();
});

const trigger = new ConstantContactTrigger();
const FUTURE = '2099-01-01T00:00:00.000Z';
/** "A few minutes": no stored position may be further ahead of now than this. */
const notAhead = (position: unknown) => expect(Date.parse(String(position))).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
const snapshot = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;

describe('rows dated in the future: emitted once, and later events still are', () => {
	it('Campaign Sent', async () => {
		const poller = createPoller(harness, trigger, { event: 'campaignSent' });
		expect(await poller.poll()).toBeNull();
		sendCampaign(fake, 'Future', ['f@example.com'], FUTURE);
		expect(rows(await poller.poll()).map((r) => r.name)).toEqual(['Future']);
		notAhead((poller.staticData().stream as IDataObject).position);
		sendCampaign(fake, 'After', ['a@example.com'], iso(-1000));
		expect(rows(await poller.poll()).map((r) => r.name)).toEqual(['After']);
		expect(await poller.poll()).toBeNull();
	});

	it('Contact Bounced', async () => {
		const c = sendCampaign(fake, 'Spring', ['b1@example.com', 'b2@example.com'], iso(60_000));
		const poller = createPoller(harness, trigger, { event: 'contactBounced' });
		expect(await poller.poll()).toBeNull();
		fake.campaigns.track(c.campaignId, [{ type: 'bounce', email: 'b1@example.com', at: FUTURE }]);
		expect(rows(await poller.poll()).map((r) => r.email_address)).toEqual(['b1@example.com']);
		for (const stream of Object.values(poller.staticData().streams as IDataObject)) notAhead((stream as IDataObject).position);
		fake.campaigns.track(c.campaignId, [{ type: 'bounce', email: 'b2@example.com', at: iso(-1000) }]);
		expect(rows(await poller.poll()).map((r) => r.email_address)).toEqual(['b2@example.com']);
		expect(await poller.poll()).toBeNull();
	});
});

describe('a stored state that cannot be used starts again from now, emitting nothing older, then everything new', () => {
	it('Contact Created: a position far in the future', async () => {
		const poller = createPoller(harness, trigger, { event: 'contactCreated' });
		expect(await poller.poll()).toBeNull();
		poller.staticData().position = FUTURE;
		fake.seed.contact({ email_address: { address: 'old@example.com' }, created_at: iso(60_000) });
		expect(await poller.poll()).toBeNull();
		notAhead(poller.staticData().position);
		fake.seed.contact({ email_address: { address: 'new@example.com' }, created_at: iso(-1000) });
		expect(rows(await poller.poll()).map((r) => r.email)).toEqual(['new@example.com']);
	});

	const cases: Array<{ name: string; event: string; spoil: (data: IDataObject) => void }> = [
		{ name: 'Campaign Sent: a position that is not a date', event: 'campaignSent', spoil: (d) => ((d.stream as IDataObject).position = 'yesterday-ish') },
		{ name: 'Campaign Sent: a stream that is not an object', event: 'campaignSent', spoil: (d) => (d.stream = 'garbage') },
		{ name: 'Campaign Sent: a position far in the future', event: 'campaignSent', spoil: (d) => ((d.stream as IDataObject).position = FUTURE) },
		{ name: 'Contact Bounced: a start ("since") that is not a date', event: 'contactBounced', spoil: (d) => (d.since = 'not a date') },
		{ name: 'Contact Bounced: a start far in the future', event: 'contactBounced', spoil: (d) => (d.since = FUTURE) },
		{
			name: "Contact Bounced: a campaign email's position that is a number",
			event: 'contactBounced',
			spoil: (d) => {
				for (const s of Object.values(d.streams as IDataObject)) (s as IDataObject).position = 12345;
			},
		},
		{
			name: "Contact Bounced: a campaign email's stream that is null",
			event: 'contactBounced',
			spoil: (d) => {
				for (const k of Object.keys(d.streams as IDataObject)) (d.streams as IDataObject)[k] = null;
			},
		},
		{ name: 'Contact Created: what was seen is a list', event: 'contactCreated', spoil: (d) => (d.seen = ['x']) },
	];
	for (const c of cases) {
		it(c.name, async () => {
			const campaign = sendCampaign(fake, 'Watched', ['w1@example.com', 'w2@example.com'], iso(120_000));
			const poller = createPoller(harness, trigger, { event: c.event });
			expect(await poller.poll()).toBeNull();
			c.spoil(poller.staticData());
			// n8n's own logger says so, once: the next poll reads the state this one wrote.
			const warn = vi.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
			expect(await poller.poll()).toBeNull();
			expect(warn.mock.calls.map(([message]) => message)).toEqual([expect.stringMatching(/^Constant Contact Trigger "Constant Contact Trigger": its stored state cannot be used \(.+\); it starts again from now/)]);
			const after = JSON.stringify(poller.staticData());
			// The spoilt values as JSON values (an ID or a time in ms may contain "2099" or "12345" by chance).
			expect(after).not.toMatch(/"yesterday"|"garbage"|"not a date"|"2099-|:12345[,}]/);
			// Something new after the reset is emitted.
			if (c.event === 'campaignSent') sendCampaign(fake, 'Next', ['n@example.com'], iso(-1000));
			else if (c.event === 'contactBounced') fake.campaigns.track(campaign.campaignId, [{ type: 'bounce', email: 'w1@example.com', at: iso(-1000) }]);
			else fake.seed.contact({ email_address: { address: 'next@example.com' }, created_at: iso(-1000) });
			expect(rows(await poller.poll())).toHaveLength(1);
			expect(await poller.poll()).toBeNull();
			expect(warn).toHaveBeenCalledTimes(1);
			warn.mockRestore();
		});
	}
});

describe('answers the trigger cannot use end the poll with a clear error and leave its state alone', () => {
	const SUMMARIES = '/v3/reports/summary_reports/email_campaign_summaries';
	const TRACKING = /^\/v3\/reports\/email_reports\/[^/]+\/tracking\/bounces$/;
	const get = (path: string | RegExp, body: unknown): FaultSpec => ({ method: 'GET', path, status: 200, body, times: 5 });
	const cases: Array<{ name: string; event: string; fault: FaultSpec; error: RegExp; mode?: 'manual' }> = [
		{ name: 'Campaign Sent: the summaries are an object', event: 'campaignSent', fault: get(SUMMARIES, { bulk_email_campaign_summaries: {} }), error: /"bulk_email_campaign_summaries" is an object, not a list/ },
		{ name: 'Campaign Sent: a summary is null', event: 'campaignSent', fault: get(SUMMARIES, { bulk_email_campaign_summaries: [null] }), error: /"bulk_email_campaign_summaries\[0\]" is null, not an object/ },
		{ name: 'Campaign Sent: the page is a list', event: 'campaignSent', fault: get(SUMMARIES, []), error: /the page is a list, not an object/ },
		{ name: 'Campaign Sent, test run: the summaries are a string', event: 'campaignSent', fault: get(SUMMARIES, { bulk_email_campaign_summaries: 'none' }), error: /is a string, not a list/, mode: 'manual' },
		{ name: 'Contact Bounced: the summaries are an object', event: 'contactBounced', fault: get(SUMMARIES, { bulk_email_campaign_summaries: {} }), error: /"bulk_email_campaign_summaries" is an object, not a list/ },
		{ name: 'Contact Bounced: a tracking row is null', event: 'contactBounced', fault: get(TRACKING, { tracking_activities: [null] }), error: /"tracking_activities\[0\]" is null, not an object/ },
		{ name: 'Contact Bounced: the tracking rows are a string', event: 'contactBounced', fault: get(TRACKING, { tracking_activities: 'x' }), error: /"tracking_activities" is a string, not a list/ },
		{ name: 'Contact Bounced: the next-page link is a number', event: 'contactBounced', fault: get(TRACKING, { tracking_activities: [], _links: { next: { href: 5 } } }), error: /next-page link is a number, not a path/ },
	];
	for (const c of cases) {
		it(c.name, async () => {
			sendCampaign(fake, 'Watched', ['w1@example.com'], iso(120_000));
			const poller = createPoller(harness, trigger, { event: c.event });
			expect(await poller.poll()).toBeNull();
			const before = snapshot(poller.staticData());
			fake.injectFault(c.fault);
			const failure = await poller.poll(c.mode).then(
				() => undefined,
				(error: unknown) => error as Error,
			);
			expect(failure?.message).toMatch(/^Constant Contact's answer to GET \/\S+ cannot be used: /);
			expect(failure?.message).toMatch(c.error);
			expect(failure?.message).not.toMatch(/TypeError|Cannot read prop|is not a function/);
			expect(snapshot(poller.staticData())).toEqual(before);
		});
	}

	it("Campaign Sent: a campaign that is not an object; the send is emitted once the answer is usable again", async () => {
		const poller = createPoller(harness, trigger, { event: 'campaignSent' });
		expect(await poller.poll()).toBeNull();
		const sent = sendCampaign(fake, 'Later', ['l@example.com'], iso(-1000));
		fake.injectFault({ method: 'GET', path: `/v3/emails/${sent.campaignId}`, status: 200, body: [1], times: 1 });
		await expect(poller.poll()).rejects.toThrow(/^Constant Contact's answer to GET \/emails\/\{campaign_id\} cannot be used: it is a list, not an object/);
		expect(rows(await poller.poll()).map((r) => r.name)).toEqual(['Later']);
		expect(await poller.poll()).toBeNull();
	});

	it('Campaign Sent: a send whose campaign could not be read is not lost', async () => {
		const poller = createPoller(harness, trigger, { event: 'campaignSent' });
		expect(await poller.poll()).toBeNull();
		const sent = sendCampaign(fake, 'Retried', ['r@example.com'], iso(-1000));
		fake.injectFault({ method: 'GET', path: `/v3/emails/${sent.campaignId}`, status: 400, body: [{ error_key: 'bad_request', error_message: 'Bad' }], times: 1 });
		await expect(poller.poll()).rejects.toThrow();
		expect(rows(await poller.poll()).map((r) => r.name)).toEqual(['Retried']);
	});
});
