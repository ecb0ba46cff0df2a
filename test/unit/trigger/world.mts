/**
 * A small in-memory Constant Contact for the trigger's reads, for the stateful property test: events
 * become visible poll by poll and are answered as the trigger's three kinds of read see them
 * (`GET /contacts?created_after=` in any order; campaign summaries and tracking rows newest first),
 * in pages of a generated size behind `_links.next.href`.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ApiRequest } from '../../../nodes/ConstantContact/transport/requestTypes.ts';

export type Kind = 'contacts' | 'campaignSent' | 'engagement';

export interface WorldEvent {
	id: string;
	time: number;
	/** The poll from which Constant Contact answers with it. */
	visibleAt: number;
	/** Orders rows with equal times (and contacts, which come in any order). */
	jitter: number;
}

export const CAMPAIGN = '0b4d7f4e-0000-4000-8000-00000000c000';
export const ACTIVITY = '0b4d7f4e-0000-4000-8000-00000000a000';
export const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();

export class World {
	events: WorldEvent[] = [];
	poll = 0;
	clock = 0;
	private readonly pages = new Map<string, IDataObject>();
	private serial = 0;

	readonly kind: Kind;
	readonly pageSize: number;

	constructor(kind: Kind, pageSize: number) {
		this.kind = kind;
		this.pageSize = pageSize;
	}

	private visible(): WorldEvent[] {
		return this.events.filter((e) => e.visibleAt <= this.poll);
	}

	private newestFirst(): WorldEvent[] {
		return this.visible().sort((a, b) => b.time - a.time || a.jitter - b.jitter);
	}

	/** The first page; the others wait behind next links. */
	private paged(base: string, property: string, rows: IDataObject[]): IDataObject {
		const chunks: IDataObject[][] = [];
		for (let i = 0; i < rows.length; i += this.pageSize) chunks.push(rows.slice(i, i + this.pageSize));
		if (!chunks.length) chunks.push([]);
		let next: string | undefined;
		for (let i = chunks.length - 1; i >= 0; i--) {
			const page: IDataObject = { [property]: chunks[i], ...(next ? { _links: { next: { href: next } } } : {}) };
			if (i === 0) return page;
			next = `/v3${base}?cursor=${++this.serial}`;
			this.pages.set(next, page);
		}
		throw new Error('unreachable');
	}

	answer(request: ApiRequest): unknown {
		const stored = this.pages.get(request.path);
		if (stored) return stored;
		const path = request.path;
		if (path === '/contacts') {
			const after = Date.parse(String(request.qs?.created_after));
			const rows = this.visible()
				.filter((e) => e.time > after)
				.sort((a, b) => a.jitter - b.jitter)
				.map((e) => ({ contact_id: e.id, email_address: { address: `${e.id}@example.com` }, created_at: iso(e.time) }));
			return this.paged(path, 'contacts', rows);
		}
		if (path === '/reports/summary_reports/email_campaign_summaries') {
			if (this.kind === 'engagement') return { bulk_email_campaign_summaries: [{ campaign_id: CAMPAIGN, last_sent_date: iso(this.clock) }] };
			const rows = this.newestFirst().map((e) => ({ campaign_id: e.id, last_sent_date: iso(e.time), campaign_type: 'Newsletter' }));
			return this.paged(path, 'bulk_email_campaign_summaries', rows);
		}
		if (path.startsWith('/emails/')) {
			return { campaign_id: path.slice('/emails/'.length), name: 'Campaign', current_status: 'Done', campaign_activities: [{ role: 'primary_email', campaign_activity_id: ACTIVITY }] };
		}
		if (path === `/reports/email_reports/${ACTIVITY}/tracking/bounces`) {
			const rows = this.newestFirst().map((e) => ({ campaign_activity_id: ACTIVITY, contact_id: e.id, created_time: iso(e.time), bounce_code: 'B' }));
			return this.paged(path, 'tracking_activities', rows);
		}
		throw new Error(`the world has no answer to ${request.method} ${path}`);
	}
}
