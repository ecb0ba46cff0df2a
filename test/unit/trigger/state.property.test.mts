/**
 * The trigger's state, as a stateful property: from any stored state (valid, a little ahead, far in
 * the future, garbage, missing) and any sequence of answers (rows in any order, equal times, rows
 * dated in the future, late rows, several pages), every poll of each of the three polling loops
 * leaves a valid state, emits no event twice, emits nothing from before a (re)start, and emits every
 * event that was in range when it appeared. Constant Contact is the in-memory world.mts.
 */
import fc from 'fast-check';
import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';
import { describe, expect, it, vi } from 'vitest';

import { pollCampaignSent } from '../../../nodes/ConstantContact/trigger/campaignSent.ts';
import { contactBounced } from '../../../nodes/ConstantContact/trigger/contactBounced.ts';
import { pollEngagement } from '../../../nodes/ConstantContact/trigger/engagement.ts';
import { pollContacts } from '../../../nodes/ConstantContact/trigger/poll.ts';
import type { ApiRequest } from '../../../nodes/ConstantContact/transport/requestTypes.ts';
import type { Kind, World as WorldType } from './world.mts';
import { ACTIVITY, World, uuid } from './world.mts';

const world = vi.hoisted(() => ({ current: undefined as undefined | { answer: (r: ApiRequest) => unknown } }));
vi.mock('../../../nodes/ConstantContact/transport/request.ts', async (importOriginal) => ({
	...(await importOriginal<object>()),
	constantContactRequest: async (request: ApiRequest) => world.current!.answer(request),
}));

const MIN = 60_000;
/** The clock skew a stored position may be ahead by (position.ts), and each loop's overlap. */
const SKEW = 2 * MIN;
const OVERLAP: Record<Kind, number> = { contacts: 5 * MIN, campaignSent: 5 * MIN, engagement: 30 * MIN };
const T0 = Date.parse('2026-05-01T12:00:00.000Z');
const FAR = 100 * 365 * 24 * 60 * MIN;

type Injection = 'missing' | 'garbage' | 'future' | 'ahead' | 'cache';
/** Values no stored state can hold wherever they are put (a position, a start, what was seen, a stream). */
const GARBAGE: Array<IDataObject[string]> = ['not a date', '', 12345, null, [], { seen: 1 }, { position: 'x' }, '2026-05-01T12:00:00Z'.repeat(4), -1, true];

const script = fc.record({
	pageSize: fc.integer({ min: 1, max: 20 }),
	steps: fc.array(
		fc.record({
			dt: fc.oneof(fc.constantFrom(0, 1, 1000, MIN, 4 * MIN, 29 * MIN, 3_600_000, 86_400_000), fc.integer({ min: 0, max: 2 * 3_600_000 })),
			events: fc.array(
				fc.record({ kind: fc.constantFrom('recent', 'recent', 'recent', 'tie', 'stale', 'future'), u: fc.double({ min: 0, max: 1, noNaN: true }), jitter: fc.nat() }),
				{ maxLength: 4 },
			),
			inject: fc.option(fc.tuple(fc.constantFrom<Injection>('missing', 'garbage', 'future', 'ahead', 'cache'), fc.nat(GARBAGE.length - 1), fc.double({ min: 0, max: 1, noNaN: true })), { freq: 5 }),
		}),
		{ minLength: 1, maxLength: 12 },
	),
});

function context(warnings: string[]): IPollFunctions {
	const log = () => undefined;
	return {
		getMode: () => 'trigger',
		getNode: () => ({ name: 'Constant Contact Trigger' }) as INode,
		getWorkflow: () => ({ id: 'wf', active: true }),
		logger: { warn: (message: string) => warnings.push(message), info: log, debug: log, error: log },
	} as unknown as IPollFunctions;
}

async function pollOnce(kind: Kind, self: IPollFunctions, data: IDataObject, now: number) {
	if (kind === 'contacts') return await pollContacts.call(self, { event: 'contactCreated', include: [], includeNewContacts: false }, data, now);
	if (kind === 'campaignSent') return await pollCampaignSent.call(self, data, now);
	return await pollEngagement.call(self, contactBounced, { days: 7, maxCampaigns: 5 }, data, now);
}

/** The stored streams of each loop (position and what was seen), to check and to spoil. */
function streamsOf(kind: Kind, data: IDataObject): IDataObject[] {
	if (kind === 'contacts') return [data];
	if (kind === 'campaignSent') return [data.stream as IDataObject];
	return Object.values((data.streams ?? {}) as IDataObject) as IDataObject[];
}

interface Spoiled {
	/** This poll starts again from now: it emits nothing. */
	restart: boolean;
	warn: boolean;
	/** Engagement: the whole state restarts, and with it the start ("since"), not one campaign email. */
	since: boolean;
}

/** Spoils the state before a poll, and says what that poll must do about it. */
function inject(kind: Kind, data: IDataObject, [what, pick, u]: [Injection, number, number], now: number, before: number): Spoiled {
	const garbage = GARBAGE[pick];
	const main = kind === 'contacts' ? 'position' : kind === 'campaignSent' ? 'stream' : 'since';
	if (what === 'missing') {
		delete data[main];
		return { restart: true, warn: false, since: true };
	}
	if (what === 'future') {
		const value = new Date(now + SKEW + 1 + Math.floor(u * FAR)).toISOString();
		if (kind === 'campaignSent') (data.stream as IDataObject).position = value;
		else data[main] = value;
		return { restart: true, warn: true, since: true };
	}
	if (what === 'garbage') {
		const where = pick % 3;
		if (kind === 'engagement' && where === 1) data.streams = garbage;
		else if (kind === 'engagement' && where === 2) {
			(data.streams as IDataObject)[ACTIVITY] = garbage;
			return { restart: true, warn: true, since: false };
		} else if (kind === 'contacts' && where === 1) data.seen = garbage;
		else if (kind === 'campaignSent' && where === 1) (data.stream as IDataObject).position = garbage;
		else data[main] = garbage;
		return { restart: true, warn: true, since: true };
	}
	if (what === 'ahead') {
		// Another n8n whose clock is ahead by at most the skew wrote the position.
		for (const s of streamsOf(kind, data)) s.position = new Date(Math.max(Date.parse(String(s.position)), before + Math.floor(u * SKEW))).toISOString();
	} else if (kind === 'engagement') data.campaigns = garbage;
	return { restart: false, warn: false, since: false };
}

function expectValid(kind: Kind, data: IDataObject, now: number) {
	const times = (s: IDataObject) => Object.values(s.seen as IDataObject);
	for (const s of streamsOf(kind, data)) {
		expect(Date.parse(String(s.position))).toBeLessThanOrEqual(now + SKEW);
		expect(s.position).toBe(new Date(Date.parse(String(s.position))).toISOString());
		expect(times(s).every((t) => typeof t === 'number' && Number.isFinite(t))).toBe(true);
	}
	if (kind === 'engagement') expect(Date.parse(String(data.since))).toBeLessThanOrEqual(now + SKEW);
	if (kind === 'campaignSent') expect(streamsOf(kind, data)).toHaveLength(1);
}

type Script = typeof script extends fc.Arbitrary<infer T> ? T : never;

async function run(kind: Kind, input: Script) {
	// Pages small enough to make the read stop at its cutoff, large enough that every event fits in the
	// loop's page cap (campaign summaries: 5 pages; tracking: 10): 48 events at most.
	const w: WorldType = new World(kind, Math.max(input.pageSize, kind === 'campaignSent' ? 10 : kind === 'engagement' ? 5 : 1));
	world.current = w;
	const warnings: string[] = [];
	const self = context(warnings);
	const emitted = new Map<string, number>();
	let data: IDataObject = {};
	let before = T0;
	let since = T0;
	let lastRestart = 0;
	let n = 0;
	const steps = [{ dt: 0, events: [], inject: null }, ...input.steps];
	for (const [poll, step] of steps.entries()) {
		const now = before + step.dt;
		w.poll = poll;
		w.clock = now;
		for (const e of step.events) {
			const tie = e.kind === 'tie' && w.events.length ? w.events[Math.floor(e.u * w.events.length)]!.time : undefined;
			const lo = before - (OVERLAP[kind] - SKEW);
			const time =
				tie ??
				(e.kind === 'stale' ? before - OVERLAP[kind] - 1 - Math.floor(e.u * 10 * 86_400_000) : e.kind === 'future' ? now + 1 + Math.floor(e.u * FAR) : lo + Math.floor(e.u * (now - lo)));
			w.events.push({ id: uuid(++n), time, visibleAt: poll, jitter: e.jitter });
		}
		const spoiled = poll > 0 && step.inject ? inject(kind, data, step.inject, now, before) : { restart: poll === 0, warn: false, since: poll === 0 };
		warnings.length = 0;
		const out = await pollOnce(kind, self, data, now);
		const ids = (out?.[0] ?? []).map((i) => String(i.json.contact_id ?? i.json.campaign_id));
		// Static data is stored as JSON between polls.
		data = JSON.parse(JSON.stringify(data)) as IDataObject;
		expectValid(kind, data, now);
		expect(warnings).toHaveLength(spoiled.warn ? 1 : 0);
		const { restart } = spoiled;
		if (spoiled.since) since = now;
		if (restart) {
			lastRestart = poll;
			expect(ids).toEqual([]);
		}
		const byId = new Map(w.events.map((e) => [e.id, e]));
		for (const id of ids) {
			const e = byId.get(id)!;
			expect(emitted.has(id), `${id} emitted twice`).toBe(false);
			expect(e.visibleAt).toBeLessThanOrEqual(poll);
			expect(e.visibleAt, `${id} was there before the trigger (re)started`).toBeGreaterThan(lastRestart);
			emitted.set(id, poll);
		}
		const times = ids.map((id) => byId.get(id)!.time);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		if (!restart) {
			for (const e of w.events.filter((x) => x.visibleAt === poll)) {
				const inRange = e.time > before - (OVERLAP[kind] - SKEW) && (kind !== 'engagement' || e.time >= since);
				if (inRange) expect(ids, `${new Date(e.time).toISOString()} (poll at ${new Date(now).toISOString()}) was skipped`).toContain(e.id);
			}
		}
		before = now;
	}
	expect(w.events.length).toBe(n);
}

describe('trigger state: any stored state and any sequence of answers', () => {
	for (const kind of ['contacts', 'campaignSent', 'engagement'] as const) {
		it(`${kind}: a valid next state; no event twice; none in range skipped`, async () => {
			await fc.assert(
				fc.asyncProperty(script, async (input) => await run(kind, input)),
				{ numRuns: 200, seed: 20261130 },
			);
		});
	}
});
