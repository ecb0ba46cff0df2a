import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { primaryEmailActivityId } from '../../mapping/campaign/campaignOutput';
import { constantContactRequest } from '../../transport/request';
import { isApiError } from '../../transport/errors';

export const on = (operation: string[]) => ({ show: { resource: ['campaign'], operation } });

/** Campaign statuses are Title case (`Draft`), activity statuses UPPER case (`DRAFT`): compare without case. */
export function statusIs(status: unknown, ...wanted: string[]): boolean {
	return typeof status === 'string' && wanted.some((w) => w.toLowerCase() === status.toLowerCase());
}

/** The campaign the `campaign` resource locator names. */
export function campaignIdParam(this: IExecuteFunctions, itemIndex: number): string {
	const id = String(this.getNodeParameter('campaign', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!id) throw new NodeOperationError(this.getNode(), 'Campaign: no campaign chosen; pick one from the list or give its ID', { itemIndex });
	return id;
}

/** `GET /emails/{id}`: the campaign with its activity ids; a 404 says which campaign is missing. */
export async function fetchCampaign(this: IExecuteFunctions, campaignId: string, itemIndex: number): Promise<IDataObject> {
	try {
		return (await constantContactRequest.call(this, { method: 'GET', path: `/emails/${encodeURIComponent(campaignId)}`, itemIndex })) as IDataObject;
	} catch (error) {
		throw isApiError(error, 404)
			? new NodeOperationError(this.getNode(), `Campaign: no email campaign with ID ${campaignId} in this Constant Contact account`, {
					itemIndex,
					description: 'Pick the campaign from the list, or check the ID (a campaign ID is a UUID, not the campaign name).',
				})
			: error;
	}
}

/** The campaign and its primary email activity's id, which tests, schedules and content act on. */
export async function locatePrimary(this: IExecuteFunctions, itemIndex: number): Promise<{ campaign: IDataObject; activityId: string }> {
	const campaign = await fetchCampaign.call(this, campaignIdParam.call(this, itemIndex), itemIndex);
	if (statusIs(campaign.current_status, 'Removed')) {
		throw new NodeOperationError(this.getNode(), `Campaign: "${String(campaign.name)}" was deleted (status Removed)`, {
			itemIndex,
			description: 'Restore it in Constant Contact (Campaigns → Deleted) to use it again.',
		});
	}
	const activityId = primaryEmailActivityId(campaign);
	if (!activityId) throw new NodeOperationError(this.getNode(), `Campaign: "${String(campaign.name)}" has no primary email activity`, { itemIndex });
	return { campaign, activityId };
}

/** `GET /emails/activities/{id}`, with the subresources asked for (they come back only on request). */
export async function fetchActivity(this: IExecuteFunctions, activityId: string, itemIndex: number, include: string[] = []): Promise<IDataObject> {
	return (await constantContactRequest.call(this, {
		method: 'GET',
		path: `/emails/activities/${encodeURIComponent(activityId)}`,
		qs: include.length ? { include: include.join(',') } : {},
		itemIndex,
	})) as IDataObject;
}
