import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Audience } from '../../mapping/campaign/activityMerge';
import { audienceFrom } from '../../mapping/campaign/activityMerge';
import { TRACKING_IMAGE } from '../../mapping/campaign/htmlChecks';
import { toIdList } from '../../mapping/common/ids';
import { invalidInputError } from '../../mapping/common/problems';

export const HTML_PLACEHOLDER = `<html><body>${TRACKING_IMAGE}<h1>Hello</h1><p>…</p></body></html>`;

export const htmlContentField = (name: string, required: boolean): INodeProperties => ({
	displayName: 'HTML Content',
	name,
	type: 'string',
	typeOptions: { rows: 10 },
	default: '',
	required,
	placeholder: `e.g. ${HTML_PLACEHOLDER}`,
	description: `The whole email as HTML (a custom code email): a &lt;body&gt; element with ${TRACKING_IMAGE} in it, at most 150,000 characters`,
});

export const preheaderField: INodeProperties = {
	displayName: 'Preheader',
	name: 'preheader',
	type: 'string',
	default: '',
	description: 'The short text email clients show after the subject (at most 200 characters)',
};

/** The value of a resource locator, wherever it sits (top level or inside a collection). */
export function locatorValue(value: unknown): string {
	const raw = value !== null && typeof value === 'object' ? (value as { value?: unknown }).value : value;
	return String(raw ?? '').trim();
}

/** The Audience collection: contact lists or one segment; both is the item's error before any request. */
export function readAudience(this: IExecuteFunctions, itemIndex: number): Audience | undefined {
	const audience = this.getNodeParameter('audience', itemIndex, {}) as IDataObject;
	const { audience: chosen, problems } = audienceFrom({ listIds: toIdList(audience.contactLists), segment: locatorValue(audience.segment) });
	if (problems.length) throw invalidInputError(this.getNode(), problems, itemIndex);
	return chosen;
}

/** Throws the item's problems as one error naming each field, before any request. */
export function assertNoProblems(this: IExecuteFunctions, problems: string[], itemIndex: number): void {
	if (problems.length) throw invalidInputError(this.getNode(), problems, itemIndex);
}

/** A failure after the campaign was created: say so, with its ID, so nobody creates it twice. */
export function afterCreateError(this: IExecuteFunctions, campaign: IDataObject, step: string, error: unknown, itemIndex: number): NodeOperationError {
	const e = error as { message?: string; description?: string };
	return new NodeOperationError(
		this.getNode(),
		`The campaign "${String(campaign.name)}" was created (campaign_id ${String(campaign.campaign_id)}), but ${step} failed: ${e.message ?? String(error)}`,
		{ itemIndex, description: `${e.description ? `${e.description} ` : ''}Finish it with Campaign → Update instead of creating it again (names are unique).` },
	);
}
