import { describe, expect, it } from 'vitest';

import { appLimits, DEFAULT_APP_LIMITS, MAX_REQUESTS_PER_SECOND } from '../../../nodes/ConstantContact/transport/appLimits.ts';
import { pacerFor } from '../../../nodes/ConstantContact/transport/pacing.ts';
import { ConstantContactOAuth2Api } from '../../../credentials/ConstantContactOAuth2Api.credentials.ts';

describe("the app's limits, from the credential", () => {
	it("defaults to Constant Contact's documented limits: 4 per second, 10,000 per day", () => {
		expect(appLimits({})).toEqual({ perSecond: 4, perDay: 10_000 });
		expect(DEFAULT_APP_LIMITS).toEqual({ perSecond: 4, perDay: 10_000 });
	});

	it("takes a partner key's limits as set", () => {
		expect(appLimits({ requestsPerSecond: 10, requestsPerDay: 250_000 })).toEqual({ perSecond: 10, perDay: 250_000 });
		// An imported credential may hold text.
		expect(appLimits({ requestsPerSecond: '10', requestsPerDay: '250000' })).toEqual({ perSecond: 10, perDay: 250_000 });
	});

	it('falls back to the default for anything but a positive number, and caps the rate', () => {
		for (const bad of [0, -4, Number.NaN, Number.POSITIVE_INFINITY, '', 'fast', null, {}, 0.5]) {
			expect(appLimits({ requestsPerSecond: bad, requestsPerDay: bad })).toEqual(DEFAULT_APP_LIMITS);
		}
		expect(appLimits({ requestsPerSecond: 4.9 }).perSecond).toBe(4);
		expect(appLimits({ requestsPerSecond: 10_000 }).perSecond).toBe(MAX_REQUESTS_PER_SECOND);
	});

	it('the credential offers both settings with the documented defaults', () => {
		const properties = new ConstantContactOAuth2Api().properties;
		const perSecond = properties.find((p) => p.name === 'requestsPerSecond');
		const perDay = properties.find((p) => p.name === 'requestsPerDay');
		expect(perSecond).toMatchObject({ type: 'number', default: 4, typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_PER_SECOND } });
		expect(perDay).toMatchObject({ type: 'number', default: 10_000 });
		expect(perSecond?.description).toMatch(/partner/);
	});

	it('one pacer per app and rate: the same app at another rate (the setting changed) gets its own', () => {
		expect(pacerFor('app-limits-test', 10)).toBe(pacerFor('app-limits-test', 10));
		expect(pacerFor('app-limits-test', 10).pacer.tuning.limit).toBe(10);
		expect(pacerFor('app-limits-test', 4)).not.toBe(pacerFor('app-limits-test', 10));
		expect(pacerFor('app-limits-test').pacer.tuning.limit).toBe(4);
	});
});
