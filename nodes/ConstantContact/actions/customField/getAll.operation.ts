import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/locators.description';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { readLimit } from '../parameters';

const show = { resource: ['customField'], operation: ['getAll'] };

export const description: INodeProperties[] = [...returnAllFields({ show }, 100)];

/** `GET /contact_custom_fields`, every page (100 per page) or up to the limit. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, itemIndex);
	const fields = await constantContactRequestAllItems.call(this, 'custom_fields', '/contact_custom_fields', {}, { limit, pageSize: 100, itemIndex });
	return (fields as IDataObject[]).map((json) => ({ json }));
}
