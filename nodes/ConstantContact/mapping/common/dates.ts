/**
 * The dates the node's date parameters can mean (filters, schedules, report periods): from 1970, the
 * start of epoch time, to the last year ISO 8601 writes with four digits. Beyond it `toISOString`
 * writes `+010000-…` or throws (past ±8.64e15 ms).
 */
export const DATE_RANGE = { from: Date.UTC(1970, 0, 1), to: Date.UTC(10000, 0, 1) - 1, text: 'the years 1970 to 9999' };

/**
 * Epoch milliseconds of a date as n8n gives it: the date picker's `2024-05-01T00:00:00`, an ISO
 * string, a Luxon DateTime or a JS Date (both stringify to ISO), or epoch milliseconds. NaN when it
 * is not a date; may be out of range (1e20, Infinity). Never throws.
 */
export function dateTimeValue(value: unknown): number {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return value;
	try {
		return Date.parse(String(value).trim());
	} catch {
		// An object whose String() throws is no date.
		return Number.NaN;
	}
}

/**
 * A date or date-time for Constant Contact's `*_after` / `*_before` filters and schedules (ISO 8601
 * with a zone), from anything dateTimeValue reads. Undefined when it is not a date in DATE_RANGE.
 */
export function toIsoDateTime(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const time = dateTimeValue(value);
	return time >= DATE_RANGE.from && time <= DATE_RANGE.to ? new Date(time).toISOString() : undefined;
}

/** How to read a date whose first two numbers could each be the month (05/06/1990). */
export type DateOrder = 'monthFirst' | 'dayFirst';

export interface DateParts {
	year?: number;
	month: number;
	day: number;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Longer than any date written as people write them (an ISO date-time is about 30 characters). */
const MAX_DATE_LENGTH = 40;
const MAX_MONTH_LENGTH = 20;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1-12 from a number or an English month name, full or cut to three letters or more ("Sept"). */
function monthNumber(value: unknown): number | undefined {
	// "September" and its padding at most: a longer value is no month, and is not scanned.
	if (typeof value === 'string' && value.length > MAX_MONTH_LENGTH) return undefined;
	const text = String(value ?? '').trim().toLowerCase();
	if (/^\d{1,2}$/.test(text)) return Number(text);
	if (text.length < 3) return undefined;
	const index = MONTH_NAMES.findIndex((name) => name.startsWith(text));
	return index >= 0 ? index + 1 : undefined;
}

function checked(parts: { year?: number; month?: number; day?: number }): DateParts | undefined {
	const { year, month, day } = parts;
	if (month === undefined || day === undefined || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
	if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return undefined;
	if (year !== undefined && month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
	return { ...(year !== undefined ? { year } : {}), month, day };
}

/** Two numbers that are a month and a day in some order: `order` decides only when both readings work. */
function ordered(a: number, b: number, order: DateOrder, year?: number): DateParts | undefined {
	const monthFirst = checked({ year, month: a, day: b });
	const dayFirst = checked({ year, month: b, day: a });
	return order === 'dayFirst' ? (dayFirst ?? monthFirst) : (monthFirst ?? dayFirst);
}

/**
 * Reads a date as people and services write it: `1990-05-17` (and an ISO date-time), `05/17/1990`,
 * `17.05.1990`, `5/17` or `05-17` without a year (a Google Forms date), `May 17, 1990`, `17 May 1990`,
 * or an object `{ month, day, year }` (Jotform). When both numbers could be the month, `order` decides
 * (month first by default, as Constant Contact's own formats); a date readable only one way is read
 * that way. Undefined when it is not a date.
 */
export function readDate(value: unknown, order: DateOrder = 'monthFirst'): DateParts | undefined {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const o = value as Record<string, unknown>;
		const year = /^\d{4}$/.test(String(o.year ?? '').trim()) ? Number(o.year) : undefined;
		return checked({ year, month: monthNumber(o.month), day: /^\d{1,2}$/.test(String(o.day ?? '').trim()) ? Number(o.day) : undefined });
	}
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	// Length before any pattern: a longer value is not a date, and is not scanned.
	if (typeof value === 'string' && value.length > MAX_DATE_LENGTH) return undefined;
	const text = String(value).trim();
	const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
	if (yearFirst) return checked({ year: Number(yearFirst[1]), month: Number(yearFirst[2]), day: Number(yearFirst[3]) });
	const yearLast = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
	if (yearLast) return ordered(Number(yearLast[1]), Number(yearLast[2]), order, Number(yearLast[3]));
	const noYear = /^(\d{1,2})[-/.](\d{1,2})$/.exec(text);
	if (noYear) return ordered(Number(noYear[1]), Number(noYear[2]), order);
	const nameFirst = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/i.exec(text);
	if (nameFirst) return checked({ month: monthNumber(nameFirst[1]), day: Number(nameFirst[2]), year: nameFirst[3] ? Number(nameFirst[3]) : undefined });
	const dayFirstName = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?(?:,? (\d{4}))?$/i.exec(text);
	if (dayFirstName) return checked({ month: monthNumber(dayFirstName[2]), day: Number(dayFirstName[1]), year: dayFirstName[3] ? Number(dayFirstName[3]) : undefined });
	return undefined;
}

/** `YYYY-MM-DD`, one of Constant Contact's anniversary formats. */
export function formatDate(parts: DateParts & { year: number }): string {
	return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}
