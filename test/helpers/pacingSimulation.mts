/**
 * A deterministic simulation of n8n processes sharing one Constant Contact app: each process runs
 * the node's real pacer state machine (`AppPacer`) behind a FIFO gate like `PacerGate`, with
 * `lanes` requests in flight at most (the router's item lanes times the executions it runs), and
 * retries a 429 the way request.ts does. The server counts arrivals per app as the fake does, with
 * the same implementation (`rateWindow` in test/fake-constant-contact/limits.mts): by default a strict
 * sliding window of one second over accepted arrivals, or any other model of how Constant Contact
 * may count (`model`). Time is simulated: one seed, one outcome.
 */
import { AppPacer } from '../../nodes/ConstantContact/transport/pacing.ts';
import type { PacerTuning, PaceTicket } from '../../nodes/ConstantContact/transport/pacing.ts';
import { throttleRetryDelayMs } from '../../nodes/ConstantContact/transport/retry.ts';
import { rateWindow } from '../fake-constant-contact/limits.mts';
import type { RateLimitModel } from '../fake-constant-contact/limits.mts';

/** mulberry32: a small seeded PRNG, so every run of a scenario is the same. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface NetworkDelay {
	/** From the grant to the server's arrival (connection set-up, a busy event loop, the network). */
	upMs: number;
	/** From the server's answer to the client seeing it. */
	downMs: number;
}

export interface SimulationOptions {
	processes: number;
	/** Requests each process has to get accepted. */
	requestsPerProcess: number;
	/** Per process, instead of `requestsPerProcess` (unequal work); executions likewise. */
	requestsOf?: number[];
	executionsOf?: number[];
	/** Requests a process has in flight or waiting at once (without `executions`: one pool for the whole process). */
	lanes?: number;
	/**
	 * Queue mode: each process runs this many executions at once (`n8n worker --concurrency`), each
	 * with `lanes` items in flight (the router's 4) and `requestsPerProcess / executions` requests;
	 * an execution that is done leaves its lanes idle, so a process's demand falls as it finishes.
	 */
	executions?: number;
	/** Each execution starts up to this much later than its process, at random (a job picked up, the workflow loaded). */
	executionStaggerMs?: number;
	/**
	 * A loaded machine: each process's event loop stalls now and then (GC, other executions, other
	 * processes on the cores), on average every `everyMs` for an exponential time of mean `meanMs`;
	 * nothing of that process runs meanwhile (timers fire late, answers are seen late).
	 */
	stalls?: { everyMs: number; meanMs: number };
	/** The server's answer time after arrival. */
	latencyMs?: number;
	/** How the server counts its `limit` per second (limits.mts); default `sliding`. */
	model?: RateLimitModel;
	/** @deprecated The same as `model: 'refusedCounted'` (refused arrivals count in the window too), when no model is given. */
	refusedCount?: boolean;
	seed?: number;
	/** When each process starts (ms). */
	startAtMs?: number[];
	/** Network model; default: a few ms, a cold connection now and then, occasional stalls of a loaded process. `request` counts per execution. */
	network?: (random: () => number, process: number, request: number) => NetworkDelay;
	tuning?: Partial<PacerTuning>;
	/** The server's N requests per second (4; 10 for partner keys). The pacer's own is `tuning.limit`: 4, as the node ships. */
	limit?: number;
	/** false: the pacer never hears of a 429 (today's pacer before issue 11: each process at 4/s). */
	adaptive?: boolean;
	/**
	 * Long-lived workers: the same load this many times with the same pacers, each round starting
	 * `roundGapMs` after every process finished the one before; only the last round is measured.
	 */
	rounds?: number;
	roundGapMs?: number;
	/** Simulated time after which the run stops, finished or not. */
	maxSeconds?: number;
	/** Called on every answer, for tracing a run. */
	trace?: (event: { at: number; process: number; outcome: 'accepted' | 'throttled'; share: number; startedAt: number; arrivedAt: number }) => void;
}

export interface ProcessResult {
	/** Whether every one of its requests got through before `maxSeconds`. */
	finished: boolean;
	accepted: number;
	throttled: number;
	firstArrival: number;
	lastArrival: number;
	/** Share of the app at the end of the run. */
	finalShare: number;
	/** When its last request was accepted (ms after the first arrival of the run). */
	finishedAtMs: number;
}

export interface SimulationResult {
	processes: ProcessResult[];
	requests: number;
	throttled: number;
	/** Accepted requests per second from the first arrival to the last accepted one. */
	acceptedPerSecond: number;
	/** Each process's accepted requests while every process was busy, over all accepted then. */
	contendedShares: number[];
	/** Largest number of accepted arrivals in any one-second sliding window (`sliding`'s rule: ≤ limit). */
	peakAcceptedPerWindow: number;
	/** Every accepted arrival (ms, the server's clock) of the measured round, in order: to check a model's own rule. */
	acceptedArrivals: number[];
	/** Seconds from the first arrival to the last. */
	seconds: number;
}

/**
 * An n8n worker (credentials read and decrypted per request, execution data saved): a few to tens
 * of ms between the grant and the arrival and on the way back, and an execution's first request
 * opens a connection.
 */
export function workerNetwork(random: () => number, _process: number, request: number): NetworkDelay {
	let upMs = 2 + -Math.log(1 - random()) * 6;
	if (request === 0) upMs += 40 + random() * 80;
	const downMs = 1 + -Math.log(1 - random()) * 6;
	return { upMs, downMs };
}

/** Default network: loopback-like, with the first request of a lane paying a cold connection and rare stalls. */
export function defaultNetwork(random: () => number, _process: number, request: number): NetworkDelay {
	let upMs = 1 + -Math.log(1 - random()) * 2;
	if (request < 3) upMs += 40 + random() * 80; // a new execution: credential decryption, a new connection
	if (random() < 0.03) upMs += 20 + random() * 120; // the process was busy (GC, other executions, a loaded machine)
	const downMs = 1 + random() * 3;
	return { upMs, downMs };
}

interface Event {
	at: number;
	seq: number;
	run: () => void;
}

class Clock {
	now = 0;
	private seq = 0;
	private readonly queue: Event[] = [];

	at(time: number, run: () => void): void {
		const event = { at: Math.max(time, this.now), seq: this.seq++, run };
		// Binary insertion keeps the queue ordered by (at, seq).
		let lo = 0;
		let hi = this.queue.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			const m = this.queue[mid];
			if (m.at < event.at || (m.at === event.at && m.seq < event.seq)) lo = mid + 1;
			else hi = mid;
		}
		this.queue.splice(lo, 0, event);
	}

	run(until: number): void {
		for (let event = this.queue.shift(); event && event.at <= until; event = this.queue.shift()) {
			this.now = event.at;
			event.run();
		}
	}
}

export function simulate(options: SimulationOptions): SimulationResult {
	const {
		processes: processCount,
		requestsPerProcess,
		lanes = 12,
		latencyMs = 50,
		seed = 1,
		network = defaultNetwork,
		tuning,
		limit = 4,
	} = options;
	const random = seededRandom(seed);
	const clock = new Clock();
	// Wall-clock time where the run starts: the pacer's epochs are multiples of the wall clock.
	const origin = 1_700_000_000_000 + Math.floor(random() * 60_000);
	clock.now = origin;
	const model = options.model ?? (options.refusedCount ? 'refusedCounted' : 'sliding');
	const server = rateWindow(model, limit);
	let acceptedLog: Array<{ at: number; process: number }> = [];
	let throttledTotal = 0;
	const rounds = options.rounds ?? 1;
	let round = 1;
	const roundStarters: Array<(startAt: number) => void> = [];
	let finishedInRound = 0;
	const acceptedBefore: number[] = Array<number>(processCount).fill(0);
	const roundDone = (): void => {
		if (++finishedInRound < processCount || round >= rounds) return;
		finishedInRound = 0;
		round++;
		const startAt = clock.now + (options.roundGapMs ?? 5000);
		clock.at(startAt, () => {
			// Only the last round is measured.
			if (round === rounds) {
				acceptedLog = [];
				throttledTotal = 0;
				results.forEach((r, p) => {
					acceptedBefore[p] = r.accepted;
					Object.assign(r, { throttled: 0, firstArrival: Infinity, lastArrival: 0 });
				});
			}
		});
		for (const start of roundStarters) start(startAt);
	};

	/** The server's decision at arrival, as the model counts. */
	const arrive = (at: number): boolean => server.tryAcquire(at);

	const results: ProcessResult[] = [];
	const shares: Array<() => void> = [];
	const lastAcceptedOf: number[] = [];
	for (let p = 0; p < processCount; p++) {
		const pacer = new AppPacer(tuning, seededRandom(seed * 1000 + p + 1));
		const ownRequests = options.requestsOf?.[p] ?? requestsPerProcess;
		const result: ProcessResult = { finished: false, accepted: 0, throttled: 0, firstArrival: Infinity, lastArrival: 0, finalShare: 0, finishedAtMs: 0 };
		results.push(result);
		lastAcceptedOf.push(0);
		const waiting: Array<(ticket: PaceTicket) => void> = [];
		let wakeScheduled = false;

		// The process's event loop: nothing of it runs while it stalls.
		const stallRandom = seededRandom(seed * 7919 + p + 1);
		const stallList: Array<[number, number]> = [];
		let stallHorizon = origin;
		const free = (time: number): number => {
			if (!options.stalls) return time;
			const { everyMs, meanMs } = options.stalls;
			while (stallHorizon <= time + 5000) {
				stallHorizon += -Math.log(1 - stallRandom()) * everyMs;
				stallList.push([stallHorizon, stallHorizon + -Math.log(1 - stallRandom()) * meanMs]);
			}
			for (const [from, to] of stallList) if (time >= from && time < to) return to;
			return time;
		};
		const at = (time: number, run: () => void): void => clock.at(free(time), run);

		const pump = (): void => {
			wakeScheduled = false;
			while (waiting.length) {
				const next = pacer.earliestStart(clock.now, 1);
				if (next > clock.now) {
					wakeScheduled = true;
					// PacerGate sleeps at most 25 ms, and a timer fires 0–2 ms late.
					at(clock.now + Math.min(Math.ceil(next - clock.now), 25) + random() * 2, pump);
					return;
				}
				const ticket = pacer.start(clock.now, 1, 'request');
				waiting.shift()!(ticket);
			}
		};
		const acquire = (then: (ticket: PaceTicket) => void): void => {
			waiting.push(then);
			if (!wakeScheduled && waiting.length === 1) pump();
		};

		/** One execution (or the whole process without `executions`): `requests` requests over `lanes` lanes. */
		const runExecution = (requests: number, startAt: number): void => {
			let issued = 0;
			let sent = 0;
			const send = (): void => {
				acquire((ticket) => {
					const delay = network(random, p, sent++);
					clock.at(free(clock.now + delay.upMs), () => {
						const arrival = clock.now;
						const ok = arrive(arrival);
						result.firstArrival = Math.min(result.firstArrival, arrival);
						result.lastArrival = Math.max(result.lastArrival, arrival);
						if (ok) {
							acceptedLog.push({ at: arrival, process: p });
							lastAcceptedOf[p] = arrival;
						}
						at(arrival + latencyMs + delay.downMs, () => {
							pacer.settle(ticket, clock.now, ok || options.adaptive === false ? 'accepted' : 'throttled');
							options.trace?.({ at: clock.now, process: p, outcome: ok ? 'accepted' : 'throttled', share: pacer.share, startedAt: ticket.at, arrivedAt: arrival });
							if (ok) {
								result.accepted++;
								if (result.accepted === ownRequests * round) roundDone();
								if (result.accepted === ownRequests * rounds) result.finished = true;
								// The lane's next request (the item's PUT after its GET, or the next item).
								if (issued < requests) {
									issued++;
									at(clock.now + 1 + random() * 3, send);
								}
							} else {
								result.throttled++;
								throttledTotal++;
								at(clock.now + throttleRetryDelayMs(random), send);
							}
						});
					});
				});
			};
			at(startAt, () => {
				for (let lane = 0; lane < lanes && issued < requests; lane++) {
					issued++;
					send();
				}
			});
		};

		const executions = options.executionsOf?.[p] ?? options.executions ?? 1;
		const startRound = (startAt: number): void => {
			for (let e = 0; e < executions; e++) {
				const requests = Math.floor(ownRequests / executions) + (e < ownRequests % executions ? 1 : 0);
				runExecution(requests, startAt + (options.executions ? random() * (options.executionStaggerMs ?? 0) : 0));
			}
		};
		roundStarters.push(startRound);
		startRound(origin + (options.startAtMs?.[p] ?? 0));
		shares.push(() => (result.finalShare = pacer.share));
	}
	clock.run(origin + (options.maxSeconds ?? 1800) * 1000);
	for (const read of shares) read();

	const first = Math.min(...results.map((r) => r.firstArrival));
	results.forEach((r, p) => (r.finishedAtMs = lastAcceptedOf[p] - first));
	const lastAccepted = acceptedLog.at(-1)?.at ?? first;
	const requests = results.reduce((n, r, p) => n + r.accepted - acceptedBefore[p] + r.throttled, 0);
	const contendedFrom = Math.max(...results.map((r) => r.firstArrival));
	const contendedTo = Math.min(...results.map((r) => r.lastArrival));
	const contended = acceptedLog.filter((a) => a.at >= contendedFrom && a.at <= contendedTo);
	const contendedShares = results.map((_, p) => (contended.length ? contended.filter((a) => a.process === p).length / contended.length : 0));
	let peak = 0;
	for (let i = 0, j = 0; i < acceptedLog.length; i++) {
		while (acceptedLog[j].at <= acceptedLog[i].at - 1000) j++;
		peak = Math.max(peak, i - j + 1);
	}
	return {
		processes: results,
		requests,
		throttled: throttledTotal,
		acceptedPerSecond: (acceptedLog.length - 1) / ((lastAccepted - first) / 1000),
		contendedShares,
		peakAcceptedPerWindow: peak,
		acceptedArrivals: acceptedLog.map((a) => a.at),
		seconds: (Math.max(...results.map((r) => r.lastArrival)) - first) / 1000,
	};
}
