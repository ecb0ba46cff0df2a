import type { IDataObject } from 'n8n-workflow';

import { htmlProblems } from './htmlChecks';
import { isValidEmail } from '../common/email';
import { quote } from '../common/problems';

/**
 * The limits of `EmailCampaignComplete` / `EmailCampaignActivityInput` (swagger L14068-14153): name
 * at most 80 characters and unique, from name 100, sender addresses 80, preheader 200, subject unbounded.
 */
export const CAMPAIGN_LIMITS = { name: 80, fromName: 100, email: 80, preheader: 200 };

/** "You can send a test email to up to 5 different email addresses at a time" (L14574-14582), 50 a day (L4853). */
export const TEST_SEND_LIMITS = { perRequest: 5, perDay: 50 };

/** The custom code format: the only one the API creates with HTML (L4246-4247). */
export const CUSTOM_CODE_FORMAT = 5;

export interface CampaignContentInput {
	name?: string;
	subject?: string;
	fromName?: string;
	fromEmail?: string;
	replyToEmail?: string;
	preheader?: string;
	htmlContent?: string;
}

const LABELS: Record<keyof CampaignContentInput, string> = {
	name: 'Name',
	subject: 'Subject',
	fromName: 'From Name',
	fromEmail: 'From Email',
	replyToEmail: 'Reply-To Email',
	preheader: 'Preheader',
	htmlContent: 'HTML Content',
};

/** Required on create; the HTML too, whose checks say what it needs. */
const REQUIRED_ON_CREATE: Array<keyof CampaignContentInput> = ['name', 'subject', 'fromName', 'fromEmail', 'replyToEmail'];

function tooLong(field: keyof CampaignContentInput, value: string, max: number): string | undefined {
	return value.length > max ? `${LABELS[field]}: ${value.length} characters; Constant Contact allows at most ${max}` : undefined;
}

/**
 * What is wrong with a campaign's content, each problem naming the field and the fix. On create every
 * field but the preheader is required; on update only the given ones are checked.
 */
export function contentProblems(input: CampaignContentInput, mode: 'create' | 'update'): string[] {
	const problems: Array<string | undefined> = [];
	for (const field of REQUIRED_ON_CREATE) {
		if (mode === 'create' && !input[field]?.trim()) {
			problems.push(
				field === 'fromEmail' || field === 'replyToEmail'
					? `${LABELS[field]}: required; pick one of the account's confirmed sender addresses`
					: `${LABELS[field]}: required`,
			);
		}
	}
	if (input.name !== undefined) {
		if (mode === 'update' && !input.name.trim()) problems.push('Name: must not be empty');
		problems.push(tooLong('name', input.name.trim(), CAMPAIGN_LIMITS.name));
	}
	if (mode === 'update' && input.subject !== undefined && !input.subject.trim()) problems.push('Subject: must not be empty');
	if (input.fromName !== undefined) problems.push(tooLong('fromName', input.fromName.trim(), CAMPAIGN_LIMITS.fromName));
	for (const field of ['fromEmail', 'replyToEmail'] as const) {
		const value = input[field]?.trim();
		if (!value) continue;
		// Length before the pattern.
		const long = tooLong(field, value, CAMPAIGN_LIMITS.email);
		if (long) problems.push(long);
		else if (!isValidEmail(value)) problems.push(`${LABELS[field]}: ${quote(value)} is not an email address; pick one of the account's confirmed sender addresses`);
	}
	if (input.preheader !== undefined) problems.push(tooLong('preheader', input.preheader, CAMPAIGN_LIMITS.preheader));
	if (mode === 'create' || (input.htmlContent !== undefined && input.htmlContent.trim() !== '')) problems.push(...htmlProblems(input.htmlContent ?? ''));
	return problems.filter((p): p is string => p !== undefined);
}

/**
 * From and Reply-To must be confirmed addresses of the account ("You must use a confirmed Constant
 * Contact account email address", L14090-14105). `confirmed` comes from GET /account/emails.
 */
export function senderProblems(input: Pick<CampaignContentInput, 'fromEmail' | 'replyToEmail'>, confirmed: string[]): string[] {
	const known = new Set(confirmed.map((e) => e.toLowerCase()));
	const choices = confirmed.length ? confirmed.join(', ') : 'none: confirm an address in Constant Contact first';
	const problems: string[] = [];
	for (const field of ['fromEmail', 'replyToEmail'] as const) {
		const value = input[field]?.trim();
		if (value && !known.has(value.toLowerCase())) {
			problems.push(
				`${LABELS[field]}: ${value} is not a confirmed sender address of this Constant Contact account; use one that is (${choices}), or confirm it in Constant Contact first`,
			);
		}
	}
	return problems;
}

/** `POST /emails`: the name and one custom code activity. */
export function createCampaignBody(input: Required<Omit<CampaignContentInput, 'preheader'>> & { preheader?: string }): IDataObject {
	const activity: IDataObject = {
		format_type: CUSTOM_CODE_FORMAT,
		from_name: input.fromName.trim(),
		from_email: input.fromEmail.trim(),
		reply_to_email: input.replyToEmail.trim(),
		subject: input.subject,
		html_content: input.htmlContent,
	};
	if (input.preheader) activity.preheader = input.preheader;
	return { name: input.name.trim(), email_campaign_activities: [activity] };
}

/** Test recipients from a comma-separated string or an array: at most 5, each an email address. */
export function testRecipients(value: unknown): { emails: string[]; problems: string[] } {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(/[,;\n]/);
	const emails = [...new Set(raw.map((v) => String(v ?? '').trim()).filter(Boolean))];
	const problems: string[] = [];
	if (!emails.length) problems.push('Test Email Addresses: required; give 1 to 5 addresses, separated by commas');
	if (emails.length > TEST_SEND_LIMITS.perRequest) {
		problems.push(
			`Test Email Addresses: ${emails.length} given; Constant Contact sends a test to at most ${TEST_SEND_LIMITS.perRequest} addresses at a time (and ${TEST_SEND_LIMITS.perDay} a day). Split them over several items`,
		);
	}
	for (const email of emails) if (!isValidEmail(email)) problems.push(`Test Email Addresses: ${quote(email)} is not an email address`);
	return { emails, problems };
}

/** `POST .../schedules`: "0" sends now (L14565-14568); a date must be in the future (the node's rule: the contract is silent). */
export function scheduleBody(when: 'now' | 'date', date: string | undefined, now = Date.now()): { body?: IDataObject; problems: string[] } {
	if (when === 'now') return { body: { scheduled_date: '0' }, problems: [] };
	if (!date) return { problems: ['Scheduled Date: required; pick a date and time, or set When to Now'] };
	const time = Date.parse(date);
	if (Number.isNaN(time)) return { problems: [`Scheduled Date: "${date}" is not a date and time`] };
	if (time <= now) {
		return {
			problems: [`Scheduled Date: ${new Date(time).toISOString()} is in the past; pick a future date and time, or set When to Now to send right away`],
		};
	}
	return { body: { scheduled_date: new Date(time).toISOString() }, problems: [] };
}

/**
 * Resend to non-openers (`ResendToNonOpenersInput`, L14764-14789; the rules in POST
 * `/emails/activities/{id}/non_opener_resends`, L5056-5066): a required subject, and a wait after the
 * send of 1 to 10 days (`delay_days`) or 720 to 14,400 minutes (`delay_minutes`, 12 hours to 10 days),
 * whole numbers, one or the other.
 */
export const RESEND_LIMITS = { days: { min: 1, max: 10 }, minutes: { min: 720, max: 14_400 } } as const;

export interface ResendBody extends IDataObject {
	resend_subject: string;
	delay_days?: number;
	delay_minutes?: number;
}

/** The resend body from the subject and the delay as given (any value an expression may give), or the problems naming the field. */
export function resendBody(subject: unknown, unit: unknown, delay: unknown): { body?: ResendBody; problems: string[] } {
	const problems: string[] = [];
	const text = typeof subject === 'string' || typeof subject === 'number' ? String(subject).trim() : '';
	if (!text) problems.push('Resend Subject: a subject line is required; it may differ from the first send\'s, e.g. "In case you missed it: …"');
	else if (/[\r\n]/.test(text)) problems.push('Resend Subject: must be one line; remove the line breaks');
	const kind = unit === 'minutes' ? 'minutes' : unit === 'days' ? 'days' : undefined;
	if (!kind) problems.push(`Delay Unit: ${typeof unit === 'string' ? quote(unit.slice(0, 40)) : 'the value'} is not Days or Minutes`);
	const range = kind ? RESEND_LIMITS[kind] : undefined;
	const number = typeof delay === 'number' ? delay : typeof delay === 'string' && delay.trim() !== '' ? Number(delay) : Number.NaN;
	if (range && !(Number.isSafeInteger(number) && number >= range.min && number <= range.max)) {
		const label = kind === 'days' ? 'Delay (Days)' : 'Delay (Minutes)';
		const shown = typeof delay === 'number' ? String(delay) : typeof delay === 'string' ? quote(delay.slice(0, 40)) : 'the value';
		problems.push(
			`${label}: ${shown} is not a whole number from ${range.min.toLocaleString('en-US')} to ${range.max.toLocaleString('en-US')}; Constant Contact resends 12 hours to 10 days after the send`,
		);
	}
	if (problems.length || !kind) return { problems };
	return { body: { resend_subject: text, ...(kind === 'days' ? { delay_days: number } : { delay_minutes: number }) }, problems };
}
