import { DAILY_REQUEST_QUOTA, REQUESTS_PER_SECOND } from './constants';

/**
 * A Constant Contact app's limits, as set in the credential: 4 requests per second and 10,000 per
 * day unless Constant Contact set others for the app's key (partner keys: 10 and 250,000 as a rule).
 */
export interface AppLimits {
	perSecond: number;
	perDay: number;
}

export const DEFAULT_APP_LIMITS: AppLimits = { perSecond: REQUESTS_PER_SECOND, perDay: DAILY_REQUEST_QUOTA };

/** The most per second the pacer takes from a credential (no Constant Contact key is known to get more). */
export const MAX_REQUESTS_PER_SECOND = 100;

/** The credential's settings; anything but a positive number (an older credential, an import) means the default. */
export function appLimits(credentials: { requestsPerSecond?: unknown; requestsPerDay?: unknown }): AppLimits {
	return {
		perSecond: Math.min(MAX_REQUESTS_PER_SECOND, positiveWhole(credentials.requestsPerSecond) ?? DEFAULT_APP_LIMITS.perSecond),
		perDay: positiveWhole(credentials.requestsPerDay) ?? DEFAULT_APP_LIMITS.perDay,
	};
}

function positiveWhole(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) && number >= 1 ? Math.floor(number) : undefined;
}
