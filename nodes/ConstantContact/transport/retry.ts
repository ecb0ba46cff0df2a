/** Attempts for a 5xx or a network failure (requests that are safe to repeat). */
export const MAX_ATTEMPTS = 5;

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** Exponential backoff with jitter (half fixed, half random) so parallel retries spread out. */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Methods Constant Contact lets us repeat without a second effect. */
export function isIdempotentMethod(method: string): boolean {
	return ['GET', 'HEAD', 'PUT', 'DELETE'].includes(method.toUpperCase());
}

/**
 * A throttled request (429 `throttled`) waits as long as the app is still getting requests through
 * from this process, and fails only after this long without any: the per-second limit is shared
 * with whatever else uses the app, so a busy app slows a run down instead of failing it. Two
 * minutes: even ten processes sharing the app each get a request through every few seconds, so two
 * minutes without one means something that never backs off holds the whole budget.
 */
export const THROTTLED_WITHOUT_PROGRESS_MS = 120_000;

/**
 * Whether a request throttled since `waitingSince` should try again: yes while this process got
 * any request of the app through (`lastProgressAt`) within the last THROTTLED_WITHOUT_PROGRESS_MS,
 * counting from when this request started waiting.
 */
export function keepWaitingWhenThrottled(now: number, waitingSince: number, lastProgressAt: number): boolean {
	return now - Math.max(waitingSince, lastProgressAt) < THROTTLED_WITHOUT_PROGRESS_MS;
}

/** A short random pause before a throttled request queues again; the pacer does the real spacing. */
export function throttleRetryDelayMs(random: () => number = Math.random): number {
	return Math.round(100 + random() * 400);
}
