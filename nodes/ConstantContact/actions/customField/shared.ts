import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idProblem } from '../../mapping/common/ids';
import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';

export const on = (operation: string[]) => ({ show: { resource: ['customField'], operation } });

/** The custom field the `customField` resource locator names: a UUID, the only kind of ID the contract takes. */
export function customFieldIdParam(this: IExecuteFunctions, itemIndex: number): string {
	const id = String(this.getNodeParameter('customField', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!id) throw new NodeOperationError(this.getNode(), 'Custom Field: no custom field chosen', { itemIndex });
	const problem = idProblem('Custom Field', 'custom field', [id]);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex });
	return id;
}

export const customFieldPath = (id: string): string => `/contact_custom_fields/${encodeURIComponent(id)}`;

/** `GET /contact_custom_fields/{custom_field_id}`, checked to be a record. */
export async function getCustomField(this: IExecuteFunctions, id: string, itemIndex: number) {
	const field = await constantContactRequest.call(this, { method: 'GET', path: customFieldPath(id), itemIndex });
	return expectRecord(this.getNode(), field, 'GET /contact_custom_fields/{custom_field_id}', itemIndex);
}
