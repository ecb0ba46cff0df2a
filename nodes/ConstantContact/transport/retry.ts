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
