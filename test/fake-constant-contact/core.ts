// The internal context every part of the fake works with (one per running fake).
import type { Contract } from './contract.ts';
import type { FaultRegistry } from './faults.ts';
import type { DailyQuota, PerSecondLimiter } from './limits.ts';
import type { FakeState } from './state.ts';
import type { TokenService } from './tokens.ts';
import type { RequestLogEntry, ResolvedOptions, TokenRequestLogEntry } from './types.ts';

export interface FakeCore {
	options: ResolvedOptions;
	state: FakeState;
	tokens: TokenService;
	apiLimiter: PerSecondLimiter;
	tokenLimiter: PerSecondLimiter;
	quota: DailyQuota;
	faults: FaultRegistry;
	contract?: Contract;
	requests: RequestLogEntry[];
	tokenRequests: TokenRequestLogEntry[];
	contractViolations: string[];
	/** Pending activity timers, cleared by reset() and close(). */
	timers: Set<NodeJS.Timeout>;
}
