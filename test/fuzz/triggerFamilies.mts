/**
 * The trigger's families: what one poll does with its stored state and with Constant Contact's
 * answers, as the pure steps the polling loops take (trigger/stream.ts, answers.ts, position.ts).
 *
 * - Trigger state: any stored state and any rows end in a valid next state; a state that cannot be
 *   used is "rejected" (replaced by now, nothing emitted, a reason given); every row in range and
 *   not seen is emitted once, and the same answer read again emits nothing.
 * - Trigger answers: a page, row or campaign the trigger cannot use ends the poll with "Constant
 *   Contact's answer to … cannot be used: …" ("rejected"); anything else is emitted as the node's
 *   items, simplified, without a crash.
 */
import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isConstantContactId } from '../../nodes/ConstantContact/mapping/common/ids.ts';
import { shapeOutput } from '../../nodes/ConstantContact/mapping/common/output.ts';
import { CAMPAIGN_SENT_OUTPUT, ENGAGEMENT_OUTPUT } from '../../nodes/ConstantContact/mapping/report/reportOutput.ts';
import { campaignOf, nextLink, rowsOf } from '../../nodes/ConstantContact/trigger/answers.ts';
import { sendEvents, sentItem } from '../../nodes/ConstantContact/trigger/campaignSent.ts';
import { contactBounced } from '../../nodes/ConstantContact/trigger/contactBounced.ts';
import { item } from '../../nodes/ConstantContact/trigger/engagement.ts';
import { CLOCK_SKEW_MS, readTime } from '../../nodes/ConstantContact/trigger/position.ts';
import type { StreamEvent } from '../../nodes/ConstantContact/trigger/stream.ts';
import { advance } from '../../nodes/ConstantContact/trigger/stream.ts';
import * as A from './arbitraries.mts';
import type { Family } from './families.mts';

const MINUTE = 60_000;
const NODE: INode = { id: 'fuzz', name: 'Constant Contact Trigger', type: 'constantContactTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

const bounces = (rows: IDataObject[]): Array<StreamEvent<IDataObject>> =>
	rows.map((row) => ({ row, key: contactBounced.key(row), time: readTime(row.created_time) ?? Number.NaN }));

/** Where the stored state says the poll starts, and what it saw; undefined when it cannot be used. */
function usable(stored: unknown, now: number): { position: number; seen: Set<string> } | undefined {
	if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return undefined;
	const { position, seen } = stored as IDataObject;
	const ms = readTime(position);
	if (ms === undefined || ms > now + CLOCK_SKEW_MS || seen === null || typeof seen !== 'object' || Array.isArray(seen)) return undefined;
	if (!Object.values(seen).every((t) => typeof t === 'number' && Number.isFinite(t))) return undefined;
	return { position: ms, seen: new Set(Object.keys(seen)) };
}

function checkState(state: IDataObject, now: number, startedAt: number): void {
	const position = Date.parse(String(state.position));
	if (!(position <= Math.max(now, startedAt) && position >= startedAt)) throw new Error(`position ${String(state.position)} is not between the start and now`);
	if (!Object.values(state.seen as IDataObject).every((t) => typeof t === 'number' && Number.isFinite(t))) throw new Error('what was seen holds a value that is not a time');
}

const triggerState: Family<{ now: number; stored: unknown; rows: IDataObject[]; emit: boolean; floor?: number; overlapMs: number }> = {
	name: 'Trigger state (stored position and what was seen; rows in any order, equal or future times)',
	field: /^(Trigger State): /,
	arbitrary: A.pollNow.chain((now) =>
		fc.record({
			now: fc.constant(now),
			stored: A.storedStream(now),
			rows: fc.array(A.triggerRow(now), { maxLength: 12 }).map((rows) => rows as IDataObject[]),
			emit: fc.boolean(),
			floor: fc.option(fc.integer({ min: now - 60 * MINUTE, max: now }), { nil: undefined }),
			overlapMs: fc.constantFrom(5 * MINUTE, 30 * MINUTE),
		}),
	),
	items: () => 1,
	run: (input) => {
		const { now, stored, overlapMs, floor } = input;
		const events = bounces(input.rows);
		const options = { now, overlapMs, emit: input.emit, floor };
		const read = stored === undefined ? undefined : usable(stored, now);
		const result = advance(stored, events, options);
		if ((stored !== undefined && !read) !== (result.problem !== undefined)) throw new Error(`the state was ${read ? '' : 'not '}usable, yet the problem is ${String(result.problem)}`);
		const start = read?.position ?? (stored === undefined ? (floor ?? now) : now);
		checkState(result.state, now, start);
		// The oracle: every row in range, not seen before, emitted once (the first of equal keys).
		const seen = new Set(read?.seen ?? []);
		const expected = new Set<IDataObject>();
		for (const e of events) {
			if (!Number.isFinite(e.time) || e.time < start - overlapMs) continue;
			if (input.emit && !result.problem && !seen.has(e.key) && (floor === undefined || e.time >= floor)) expected.add(e.row);
			seen.add(e.key);
		}
		if (result.fresh.length !== expected.size || !result.fresh.every((row) => expected.has(row))) throw new Error(`emitted ${result.fresh.length} rows, ${expected.size} expected`);
		const again = advance(JSON.parse(JSON.stringify(result.state)), events, { ...options, emit: true });
		if (again.fresh.length || again.problem) throw new Error(`the same answer read again emitted ${again.fresh.length} rows (${String(again.problem)})`);
		return result.problem ? { problems: [`Trigger State: ${result.problem}`] } : [];
	},
};

const UNUSABLE = /^Constant Contact's answer to GET \/\S+ cannot be used: /;

const triggerAnswers: Family<{ now: number; report: 'summaries' | 'tracking'; page: unknown; campaign: unknown }> = {
	name: "Trigger answers (report pages, rows and campaigns as Constant Contact's answers may come)",
	field: /^(Constant Contact's answer to GET \/\S+) cannot be used: /,
	arbitrary: A.pollNow.chain((now) =>
		fc.constantFrom<'summaries' | 'tracking'>('summaries', 'tracking').chain((report) =>
			fc.record({
				now: fc.constant(now),
				report: fc.constant(report),
				page: A.triggerPage(now, report === 'summaries' ? 'bulk_email_campaign_summaries' : 'tracking_activities'),
				campaign: A.triggerCampaign,
			}),
		),
	),
	items: () => 1,
	run: (input) => {
		const summaries = input.report === 'summaries';
		const what = summaries ? 'GET /reports/summary_reports/email_campaign_summaries' : 'GET /reports/email_reports/{campaign_activity_id}/tracking/bounces';
		try {
			const rows = rowsOf(NODE, what, input.page, summaries ? 'bulk_email_campaign_summaries' : 'tracking_activities');
			const next = nextLink(NODE, what, input.page as IDataObject);
			if (next !== undefined && typeof next !== 'string') throw new Error('a next link that is not text');
			const events = summaries ? sendEvents(rows) : bounces(rows);
			// Campaign IDs go into a path: only Constant Contact IDs get that far.
			if (summaries && !events.every((e) => isConstantContactId(e.row.campaign_id as string))) throw new Error('a campaign ID that is not one');
			const { fresh } = advance({ position: new Date(input.now).toISOString(), seen: {} }, events, { now: input.now, overlapMs: 30 * MINUTE, emit: true });
			const campaign = campaignOf(NODE, input.campaign);
			for (const row of fresh) {
				const out = summaries ? sentItem(row, campaign) : item(contactBounced, 'c', { name: 'Campaign' }, row);
				shapeOutput(out.json, summaries ? CAMPAIGN_SENT_OUTPUT : ENGAGEMENT_OUTPUT, 'simple');
			}
			return [];
		} catch (error) {
			if (error instanceof NodeOperationError && UNUSABLE.test(error.message)) return { problems: [error.message] };
			throw error;
		}
	},
};

export const TRIGGER_FAMILIES: Array<Family<any>> = [triggerState, triggerAnswers];
