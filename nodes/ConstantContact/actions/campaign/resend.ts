import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { isRecord, unusableResponse } from '../../transport/responses';

/** `/emails/activities/{id}/non_opener_resends`: the primary email's resend to non-openers. */
export const resendPath = (activityId: string): string => `/emails/activities/${encodeURIComponent(activityId)}/non_opener_resends`;

/** The fields of a resend the node outputs, `null` where Constant Contact gave none (at most ten with the campaign's). */
const RESEND_FIELDS = ['resend_request_id', 'resend_subject', 'delay_days', 'delay_minutes', 'resend_date', 'resend_status'];

export function resendFields(resend: IDataObject | undefined): IDataObject {
	return Object.fromEntries(RESEND_FIELDS.map((key) => [key, resend?.[key] ?? null]));
}

/**
 * `GET .../non_opener_resends`: the campaign's resend (Constant Contact allows one per campaign), or
 * undefined when there is none (an empty list, L5010-5013).
 */
export async function readResend(this: IExecuteFunctions, activityId: string, itemIndex: number): Promise<IDataObject | undefined> {
	const what = 'GET /emails/activities/{campaign_activity_id}/non_opener_resends';
	const answer = await constantContactRequest.call(this, { method: 'GET', path: resendPath(activityId), itemIndex });
	if (!Array.isArray(answer)) throw unusableResponse(this.getNode(), what, 'it is not a list of resends', itemIndex);
	const resends = answer.filter(isRecord);
	return resends[0];
}
