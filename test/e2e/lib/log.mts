// Step logging for the end-to-end suite: every step prints when it starts and how long it took, and a
// failure names the step it happened in, so a red CI log says which part broke (consent, refresh, …).

// run.mts passes its start time on, so the clock runs on inside the namespaces.
const started = Number(process.env.E2E_STARTED_AT) || Date.now();
process.env.E2E_STARTED_AT = String(started);
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`;

export function log(message: string): void {
	console.log(`[e2e ${elapsed()}] ${message}`);
}

export class StepError extends Error {
	readonly step: string;

	constructor(step: string, cause: unknown) {
		const reason = cause instanceof Error ? cause.message : String(cause);
		super(`step "${step}" failed: ${reason}`, { cause });
		this.step = step;
	}
}

/** Runs one named step; rethrows its error wrapped in a StepError that names it (innermost step wins). */
export async function step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
	const t0 = Date.now();
	log(`▶ ${name}`);
	try {
		const result = await fn();
		log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
		return result;
	} catch (error) {
		log(`✘ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
		throw error instanceof StepError ? error : new StepError(name, error);
	}
}

/** Steps skipped because this n8n version lacks what they need, with why (run.mts reports them). */
export const skippedSteps: string[] = [];

/** Runs the step, unless `missing` says why this n8n cannot: then it is logged and recorded as skipped. */
export async function stepUnless(missing: string | undefined, name: string, fn: () => Promise<unknown> | unknown): Promise<void> {
	if (!missing) {
		await step(name, fn);
		return;
	}
	log(`⏭ ${name}: SKIPPED, ${missing}`);
	skippedSteps.push(`${name}: ${missing}`);
}

/** An assertion with a message that says what was expected. */
export function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

export function checkEqual<T>(actual: T, expected: T, what: string): void {
	if (JSON.stringify(actual) !== JSON.stringify(expected)) {
		throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
	}
}

/** Polls until `probe` returns a truthy value or the time is up. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, everyMs = 250): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${detail}`);
		}
		await new Promise((r) => setTimeout(r, everyMs));
	}
}
