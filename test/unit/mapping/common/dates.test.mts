import { describe, expect, it } from 'vitest';

import { formatDate, readDate, toIsoDateTime } from '../../../../nodes/ConstantContact/mapping/common/dates.ts';

describe('readDate', () => {
	it.each<[unknown, ReturnType<typeof readDate>]>([
		['1990-05-17', { year: 1990, month: 5, day: 17 }],
		['1990-05-17T00:00:00.000Z', { year: 1990, month: 5, day: 17 }],
		['05/17/1990', { year: 1990, month: 5, day: 17 }],
		['17.05.1990', { year: 1990, month: 5, day: 17 }],
		['5/19', { month: 5, day: 19 }],
		['05-19', { month: 5, day: 19 }],
		['May 17, 1990', { year: 1990, month: 5, day: 17 }],
		['17 May 1990', { year: 1990, month: 5, day: 17 }],
		[{ month: '05', day: '17', year: '1990' }, { year: 1990, month: 5, day: 17 }],
		[{ month: 'Sept', day: '3', year: '' }, { month: 9, day: 3 }],
		[{ month: '', day: '', year: '' }, undefined],
		['1990-02-30', undefined],
		['2023-02-29', undefined],
		['13/13/1990', undefined],
		['soon', undefined],
		['1484026585538', undefined],
	])('%j', (value, expected) => {
		expect(readDate(value)).toEqual(expected);
	});

	it('the order decides only when both readings work', () => {
		expect(readDate('05/06/1990')).toEqual({ year: 1990, month: 5, day: 6 });
		expect(readDate('05/06/1990', 'dayFirst')).toEqual({ year: 1990, month: 6, day: 5 });
		expect(readDate('17/05/1990', 'monthFirst')).toEqual({ year: 1990, month: 5, day: 17 });
		expect(readDate('05/17/1990', 'dayFirst')).toEqual({ year: 1990, month: 5, day: 17 });
	});

	it('formats YYYY-MM-DD; the date filters still take ISO date-times', () => {
		expect(formatDate({ year: 2015, month: 3, day: 4 })).toBe('2015-03-04');
		expect(toIsoDateTime('2024-05-01T00:00:00Z')).toBe('2024-05-01T00:00:00.000Z');
	});
});
