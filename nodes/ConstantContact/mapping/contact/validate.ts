import type { INode } from 'n8n-workflow';

import { resolveCustomFields } from './customFields';
import { idProblem } from '../common/ids';
import type { ResolvedCustomField } from './customFields';
import { LIMITS, endpointName } from './limits';
import { isValidEmail } from '../common/email';
import { invalidInputError, quote, unique } from '../common/problems';
import type {
	AddressKind,
	ContactInput,
	ContactTarget,
	CustomFieldDefinition,
	NameField,
	PhoneKind,
	StreetAddressInput,
} from './types';
import { ADDRESS_KINDS, ADDRESS_PARTS, NAME_FIELDS, PHONE_KINDS } from './types';

/** A contact that passed every check: ready to become a request body. */
export interface ValidContact {
	email: string;
	first_name?: string;
	last_name?: string;
	job_title?: string;
	company_name?: string;
	phone_numbers: Array<{ phone_number: string; kind?: PhoneKind }>;
	street_addresses: Array<StreetAddressInput & { kind: AddressKind }>;
	birthday_month?: number;
	birthday_day?: number;
	anniversary?: string;
	custom_fields: ResolvedCustomField[];
	list_ids: string[];
	tag_ids: string[];
	notes: string[];
	/** What Map Automatically found but does not send (a fourth phone), each with why: added to the item's output. */
	dropped?: string[];
}

export type ValidationResult = { valid: true; contact: ValidContact } | { valid: false; problems: string[] };

export const FIELD_LABELS: Record<NameField, string> = {
	first_name: 'First Name',
	last_name: 'Last Name',
	job_title: 'Job Title',
	company_name: 'Company Name',
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Constant Contact's anniversary formats: MM/DD/YYYY, M/D/YYYY, YYYY/MM/DD, YYYY/M/D, YYYY-MM-DD,
 * YYYY-M-D, MM-DD-YYYY, M-D-YYYY. An ISO date-time (from n8n's date picker) is cut to its date.
 * Returns the value to send, or undefined when it is not a date in one of those formats.
 */
export function normalizeAnniversary(value: string): string | undefined {
	const text = value.trim();
	// The longest accepted form is an ISO date-time with a zone (about 30 characters): a longer value is never scanned.
	if (text.length > 40) return undefined;
	const iso = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
	const candidate = iso ? iso[1] : text;
	let year: number;
	let month: number;
	let day: number;
	const yearFirst = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/.exec(candidate);
	const yearLast = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/.exec(candidate);
	if (yearFirst) {
		[year, month, day] = [Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4])];
	} else if (yearLast) {
		[month, day, year] = [Number(yearLast[1]), Number(yearLast[3]), Number(yearLast[4])];
	} else {
		return undefined;
	}
	if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return undefined;
	if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
	return candidate;
}

function toInteger(value: string | number | undefined): number | undefined {
	if (value === undefined) return undefined;
	const text = String(value).trim();
	if (text.length > 4 || !/^\d+$/.test(text)) return Number.NaN;
	return Number(text);
}

/**
 * Checks one item's contact fields against the limits of the endpoint they are for. Every problem
 * names the field, what is wrong with the value and the limit. Custom fields given by name or label
 * are resolved against `customFieldDefinitions` (the account's custom fields) when it is given.
 */
export function validateContactInput(
	input: ContactInput,
	target: ContactTarget,
	customFieldDefinitions?: CustomFieldDefinition[],
): ValidationResult {
	const limits = LIMITS.byTarget[target];
	const endpoint = endpointName(target);
	const problems: string[] = [];

	const email = (input.email ?? '').trim();
	if (!email) {
		problems.push('Email: a value is required');
	} else if (email.length > limits.emailLength) {
		// Length first: a long value is rejected without a pattern ever scanning it.
		problems.push(
			`Email: ${quote(email)} has ${email.length} characters; Constant Contact allows at most ${limits.emailLength} on ${endpoint}`,
		);
	} else if (!isValidEmail(email)) {
		problems.push(`Email: ${quote(email)} is not a valid email address`);
	}

	const names: Partial<Record<NameField, string>> = {};
	for (const field of NAME_FIELDS) {
		const value = input[field]?.trim();
		if (!value) continue;
		if (value.length > LIMITS.nameLength) {
			problems.push(
				`${FIELD_LABELS[field]}: ${quote(value)} has ${value.length} characters; Constant Contact allows at most ${LIMITS.nameLength}`,
			);
		}
		names[field] = value;
	}

	const phone_numbers: ValidContact['phone_numbers'] = [];
	const phones = input.phone_numbers.filter((p) => String(p.phone_number ?? '').trim() !== '');
	if (phones.length > limits.phoneNumbers) {
		problems.push(
			`Phone Numbers: ${phones.length} given; Constant Contact allows at most ${limits.phoneNumbers} per contact on ${endpoint}`,
		);
	}
	phones.forEach((phone, index) => {
		const label = target === 'sign_up_form' ? 'Phone Number' : `Phone Number ${index + 1}`;
		const number = String(phone.phone_number).trim();
		if (number.length > LIMITS.phoneLength) {
			problems.push(
				`${label}: ${quote(number)} has ${number.length} characters; Constant Contact allows at most ${LIMITS.phoneLength}`,
			);
		}
		const kind = phone.kind?.trim().toLowerCase();
		if (target === 'contacts') {
			if (!kind) {
				problems.push(`${label}: a kind is required (home, work, mobile or other)`);
			} else if (!(PHONE_KINDS as readonly string[]).includes(kind)) {
				problems.push(`${label}: kind ${quote(kind)} is not one of home, work, mobile or other`);
			}
			phone_numbers.push({ phone_number: number, kind: kind as PhoneKind });
		} else {
			phone_numbers.push({ phone_number: number });
		}
	});

	const street_addresses: ValidContact['street_addresses'] = [];
	const addresses = input.street_addresses.filter((a) =>
		ADDRESS_PARTS.some((part) => String(a[part] ?? '').trim() !== ''),
	);
	if (addresses.length > limits.streetAddresses) {
		problems.push(
			`Street Addresses: ${addresses.length} given; Constant Contact allows at most ${limits.streetAddresses} per contact on ${endpoint}`,
		);
	}
	addresses.forEach((address, index) => {
		const label = target === 'sign_up_form' ? 'Street Address' : `Street Address ${index + 1}`;
		const kind = String(address.kind ?? '').trim().toLowerCase();
		if (!kind) {
			problems.push(`${label}: a kind is required (home, work or other)`);
		} else if (!(ADDRESS_KINDS as readonly string[]).includes(kind)) {
			problems.push(`${label}: kind ${quote(kind)} is not one of home, work or other`);
		}
		const result: StreetAddressInput & { kind: AddressKind } = { kind: kind as AddressKind };
		for (const part of ADDRESS_PARTS) {
			const value = String(address[part] ?? '').trim();
			if (!value) continue;
			const max = part === 'street' ? LIMITS.streetLength : LIMITS.addressPartLength;
			if (value.length > max) {
				problems.push(
					`${label}: ${part} ${quote(value)} has ${value.length} characters; Constant Contact allows at most ${max}`,
				);
			}
			result[part] = value;
		}
		street_addresses.push(result);
	});

	const monthGiven = input.birthday_month !== undefined && String(input.birthday_month).trim() !== '';
	const dayGiven = input.birthday_day !== undefined && String(input.birthday_day).trim() !== '';
	let birthday_month: number | undefined;
	let birthday_day: number | undefined;
	if (monthGiven !== dayGiven) {
		problems.push(
			`Birthday: month and day go together; the ${monthGiven ? 'day' : 'month'} is missing (month 1-12, day 1-31)`,
		);
	} else if (monthGiven && dayGiven) {
		birthday_month = toInteger(input.birthday_month);
		birthday_day = toInteger(input.birthday_day);
		if (birthday_month === undefined || Number.isNaN(birthday_month) || birthday_month < 1 || birthday_month > 12) {
			problems.push(`Birthday Month: ${quote(String(input.birthday_month))} is not a month from 1 to 12`);
		} else if (birthday_day === undefined || Number.isNaN(birthday_day) || birthday_day < 1 || birthday_day > 31) {
			problems.push(`Birthday Day: ${quote(String(input.birthday_day))} is not a day from 1 to 31`);
		} else if (birthday_day > DAYS_IN_MONTH[birthday_month - 1]) {
			problems.push(
				`Birthday Day: month ${birthday_month} has at most ${DAYS_IN_MONTH[birthday_month - 1]} days, not ${birthday_day}`,
			);
		}
	}

	let anniversary: string | undefined;
	const anniversaryGiven = input.anniversary?.trim();
	if (anniversaryGiven) {
		anniversary = normalizeAnniversary(anniversaryGiven);
		if (!anniversary) {
			problems.push(
				`Anniversary: ${quote(anniversaryGiven)} is not a date in a format Constant Contact accepts (YYYY-MM-DD, MM/DD/YYYY, M/D/YYYY, YYYY/MM/DD, MM-DD-YYYY; at most ${LIMITS.anniversaryLength} characters)`,
			);
		}
	}

	const customFields = resolveCustomFields(input.custom_fields, target, customFieldDefinitions);
	problems.push(...customFields.problems);
	if (customFields.resolved.length > limits.customFields) {
		problems.push(
			`Custom Fields: ${customFields.resolved.length} given; Constant Contact allows at most ${limits.customFields} per contact on ${endpoint}`,
		);
	}

	const list_ids = unique(input.list_ids);
	if (list_ids.length < limits.minLists) {
		problems.push(`Lists: none given; the sign-up form needs at least ${limits.minLists} list (1 to ${limits.maxLists})`);
	} else if (list_ids.length > limits.maxLists) {
		problems.push(`Lists: ${list_ids.length} given; Constant Contact allows at most ${limits.maxLists} per request`);
	} else {
		// The contract takes list and tag IDs as UUIDs only.
		const bad = idProblem('Lists', 'list', list_ids);
		if (bad) problems.push(bad);
	}

	const tag_ids = unique(input.tag_ids);
	if (tag_ids.length > LIMITS.tags) {
		problems.push(`Tags: ${tag_ids.length} given; Constant Contact allows at most ${LIMITS.tags} per contact`);
	} else {
		const bad = idProblem('Tags', 'tag', tag_ids);
		if (bad) problems.push(bad);
	}

	const notes = input.notes.map((n) => String(n ?? '').trim()).filter((n) => n !== '');
	if (notes.length > LIMITS.notes) {
		problems.push(`Notes: ${notes.length} given; Constant Contact allows at most ${LIMITS.notes} per contact`);
	}
	notes.forEach((note, index) => {
		if (note.length > LIMITS.noteLength) {
			problems.push(
				`Note ${index + 1}: ${note.length} characters; Constant Contact allows at most ${LIMITS.noteLength}`,
			);
		}
	});

	if (problems.length) return { valid: false, problems };
	return {
		valid: true,
		contact: {
			email,
			...names,
			phone_numbers,
			street_addresses,
			...(birthday_month !== undefined ? { birthday_month, birthday_day } : {}),
			...(anniversary ? { anniversary } : {}),
			custom_fields: customFields.resolved,
			list_ids,
			tag_ids,
			notes,
		},
	};
}

/** Throws the item's problems as one NodeOperationError, before any request is sent. */
export function assertValid(node: INode, result: ValidationResult, itemIndex: number): ValidContact {
	if (result.valid) return result.contact;
	throw invalidInputError(node, result.problems, itemIndex);
}
