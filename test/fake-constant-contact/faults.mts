// Injected faults: 'before' answers instead of the fake (state untouched); 'after' lets the fake
// process the request and then replaces or drops its answer (the ambiguous-failure case).
import type { FaultSpec } from './types.mts';

interface ArmedFault extends FaultSpec {
	remaining: number;
}

export class FaultRegistry {
	private faults: ArmedFault[] = [];

	add(f: FaultSpec): void {
		this.faults.push({ ...f, remaining: f.times ?? 1 });
	}

	/**
	 * Takes one use of the first fault matching the request. A string path matches the full path
	 * (`/v3/contacts`) or the API-relative one (`/contacts`); a RegExp is tested against both.
	 */
	take(method: string, fullPath: string, apiPath: string | undefined, mode: 'before' | 'after'): FaultSpec | undefined {
		const i = this.faults.findIndex(
			(f) =>
				(f.mode ?? 'before') === mode &&
				(!f.method || f.method.toUpperCase() === method.toUpperCase()) &&
				pathMatches(f.path, fullPath, apiPath),
		);
		if (i < 0) return undefined;
		const f = this.faults[i]!;
		if (--f.remaining <= 0) this.faults.splice(i, 1);
		return f;
	}

	reset(): void {
		this.faults = [];
	}
}

function pathMatches(p: string | RegExp | undefined, fullPath: string, apiPath: string | undefined): boolean {
	if (p === undefined) return true;
	const candidates = apiPath === undefined ? [fullPath] : [fullPath, apiPath];
	if (typeof p === 'string') return candidates.includes(p);
	return candidates.some((c) => {
		p.lastIndex = 0; // a /g or /y RegExp keeps state between tests
		return p.test(c);
	});
}
