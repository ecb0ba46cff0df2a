/**
 * What a run did to Constant Contact's per-second limit, from the requests the fake received:
 * requests, 429s, accepted requests per second, and how the accepted requests divided between the
 * processes that sent them (each attributed by the caller). Shared by the benchmark and the
 * queue-mode end-to-end suite, so both report and assert the same numbers.
 */
import { acceptedOverLimit } from '../fake-constant-contact/limits.mts';
import type { RateLimitModel } from '../fake-constant-contact/limits.mts';

/** How the fake counted: its model and its N per second. */
export interface RateLimit {
	model: RateLimitModel;
	rate: number;
}
export interface AttributedRequest {
	receivedAt: number;
	status: number;
	/** Which process sent it (a worker, a benchmark process); undefined when unknown. */
	owner?: string;
}

export interface OwnerReport {
	owner: string;
	requests: number;
	accepted: number;
	throttled: number;
	/** Accepted requests per second over this owner's own busy span (first to last arrival). */
	acceptedPerSecond: number;
	/** Share of all accepted requests while every owner was busy. */
	contendedShare: number;
}

export interface RateReport {
	requests: number;
	throttled: number;
	throttledRatio: number;
	accepted: number;
	/** Accepted requests per second from the first arrival to the last accepted one. */
	acceptedPerSecond: number;
	seconds: number;
	owners: OwnerReport[];
	/** The smallest contended share over the largest (1: even; below 0.5: someone got less than half of another). */
	fairness: number;
	/** Most accepted arrivals in any one sliding second (Constant Contact allows 4). */
	peakPerSecond: number;
	/** How the fake counted (default: sliding, 4 per second). */
	limit: RateLimit;
	/** Accepted arrivals beyond what `limit` allows as its model counts (0: none; see `acceptedOverLimit`). */
	overLimit: number;
}

/** Not refused by the limit: 429 is, 401 (expired token) and dropped connections do not pass it. */
export const isAccepted = (status: number): boolean => status !== 429 && status !== 401 && status !== 0;

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function rateReport(requests: AttributedRequest[], limit: RateLimit = { model: 'sliding', rate: 4 }): RateReport {
	const sorted = [...requests].sort((a, b) => a.receivedAt - b.receivedAt);
	const accepted = sorted.filter((r) => isAccepted(r.status));
	const first = sorted[0]?.receivedAt ?? 0;
	const lastAccepted = accepted.at(-1)?.receivedAt ?? first;
	const perSecond = (n: number, from: number, to: number): number => (to > from ? round((n - 1) / ((to - from) / 1000)) : 0);
	const owners = [...new Set(sorted.map((r) => r.owner).filter((o): o is string => o !== undefined))].sort();
	const spans = owners.map((owner) => {
		const own = sorted.filter((r) => r.owner === owner);
		return { owner, own, from: own[0]!.receivedAt, to: own.at(-1)!.receivedAt };
	});
	// While every owner was busy: from the last one's first request to the first one's last request.
	const contendedFrom = Math.max(...spans.map((s) => s.from));
	const contendedTo = Math.min(...spans.map((s) => s.to));
	const contended = accepted.filter((r) => r.receivedAt >= contendedFrom && r.receivedAt <= contendedTo);
	const ownerReports = spans.map(({ owner, own, from, to }): OwnerReport => {
		const ownAccepted = own.filter((r) => isAccepted(r.status));
		return {
			owner,
			requests: own.length,
			accepted: ownAccepted.length,
			throttled: own.filter((r) => r.status === 429).length,
			acceptedPerSecond: perSecond(ownAccepted.length, from, to),
			contendedShare: contended.length ? round(contended.filter((r) => r.owner === owner).length / contended.length, 3) : 0,
		};
	});
	const shares = ownerReports.map((o) => o.contendedShare);
	let peak = 0;
	for (let i = 0, j = 0; i < accepted.length; i++) {
		while (accepted[j]!.receivedAt <= accepted[i]!.receivedAt - 1000) j++;
		peak = Math.max(peak, i - j + 1);
	}
	const throttled = sorted.filter((r) => r.status === 429).length;
	return {
		requests: sorted.length,
		throttled,
		throttledRatio: sorted.length ? round(throttled / sorted.length, 4) : 0,
		accepted: accepted.length,
		acceptedPerSecond: perSecond(accepted.length, first, lastAccepted),
		seconds: round((lastAccepted - first) / 1000, 1),
		owners: ownerReports,
		fairness: shares.length > 1 && Math.max(...shares) > 0 ? round(Math.min(...shares) / Math.max(...shares)) : 1,
		peakPerSecond: peak,
		limit,
		overLimit: acceptedOverLimit(limit.model, limit.rate, accepted.map((r) => r.receivedAt)),
	};
}

/**
 * Issue 11's rate targets, for several processes sharing one app (one process: no 429 at all). The
 * queue-mode suite reports them; what it enforces is `windowViolations` and delivery.
 */
export function rateTargetFailures(report: RateReport, processes: number): string[] {
	const failures: string[] = [];
	if (processes === 1) {
		if (report.throttled > 0) failures.push(`one process saw ${report.throttled} 429(s); expected none`);
		if (report.acceptedPerSecond < 3.85) failures.push(`one process accepted ${report.acceptedPerSecond}/s; expected ≥ 3.85`);
	} else {
		if (report.acceptedPerSecond < 3.6) failures.push(`accepted ${report.acceptedPerSecond}/s in total; expected ≥ 3.6`);
		if (report.throttledRatio > 0.05) failures.push(`${report.throttled} of ${report.requests} requests (${(report.throttledRatio * 100).toFixed(1)} %) were 429; expected ≤ 5 %`);
		if (report.fairness < 0.5) failures.push(`the smallest accepted share is ${report.fairness} of the largest; expected ≥ 0.5`);
	}
	return failures;
}

/**
 * More accepted arrivals within one second than Constant Contact allows: the fake or the report is
 * wrong. As the fake counted (`report.limit`): in a sliding second for `sliding` and `refusedCounted`,
 * by the model's own rule for the others (a calendar second or a token bucket may accept 5 within a
 * sliding second, and rightly).
 */
export function windowViolations(report: RateReport): string[] {
	const { model, rate } = report.limit;
	if (model === 'sliding' || model === 'refusedCounted') {
		return report.peakPerSecond > rate ? [`${report.peakPerSecond} requests were accepted within one second (the fake allows ${rate})`] : [];
	}
	return report.overLimit ? [`${report.overLimit} accepted request(s) beyond ${rate} per second as ${model} counts (the fake's model)`] : [];
}

/** One markdown row per owner and a total, for printed summaries. */
export function rateTable(report: RateReport, label = 'process'): string {
	const rows = [`| ${label} | requests | 429 | accepted | accepted/s | contended share |`, '|---|---|---|---|---|---|'];
	for (const o of report.owners) rows.push(`| ${o.owner} | ${o.requests} | ${o.throttled} | ${o.accepted} | ${o.acceptedPerSecond} | ${o.contendedShare} |`);
	rows.push(`| total | ${report.requests} | ${report.throttled} (${(report.throttledRatio * 100).toFixed(1)} %) | ${report.accepted} | ${report.acceptedPerSecond} | fairness ${report.fairness} |`);
	return rows.join('\n');
}

/**
 * Accepted/refused requests per owner in buckets of `bucketMs`, one line per bucket: how the shares
 * moved over a run (who held more, when a finished owner's slots were taken back).
 */
export function rateTimeline(requests: AttributedRequest[], bucketMs: number): string[] {
	const owners = [...new Set(requests.map((r) => r.owner ?? '?'))].sort();
	const start = Math.min(...requests.map((r) => r.receivedAt));
	const buckets = new Map<number, Map<string, { ok: number; refused: number }>>();
	for (const r of requests) {
		const b = Math.floor((r.receivedAt - start) / bucketMs);
		const row = buckets.get(b) ?? new Map<string, { ok: number; refused: number }>();
		const cell = row.get(r.owner ?? '?') ?? { ok: 0, refused: 0 };
		if (r.status === 429) cell.refused++;
		else if (isAccepted(r.status)) cell.ok++;
		row.set(r.owner ?? '?', cell);
		buckets.set(b, row);
	}
	return [...buckets]
		.sort((x, y) => x[0] - y[0])
		.map(([b, row]) => `${((b * bucketMs) / 1000).toFixed(0).padStart(4)} s  ${owners.map((o) => `${o} ${row.get(o)?.ok ?? 0}/${row.get(o)?.refused ?? 0}`).join('  ')}`);
}
