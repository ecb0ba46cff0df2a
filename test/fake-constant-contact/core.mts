// The internal context every part of the fake works with (one per running fake).
import type { Contract } from './contract.mts';
import type { FaultRegistry } from './faults.mts';
import type { DailyQuota, PerSecondLimiter } from './limits.mts';
import type { FakeState } from './state.mts';
import type { TokenService } from './tokens.mts';
import type { RequestLogEntry, ResolvedOptions, TokenRequestLogEntry } from './types.mts';

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
