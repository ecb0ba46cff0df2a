import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactLocator } from '../../descriptions/locators.description';
import { readContactRef, resolveContactId } from '../contact/locate';
import type { on } from './shared';

/** The contact a contact report is about: from the list, by email (looked up in every state) or by ID. */
export function reportContactLocator(displayOptions: ReturnType<typeof on>): INodeProperties {
	return { ...contactLocator(displayOptions, 'The contact to report on: from the list, by email address or by contact ID'), default: { mode: 'list', value: '' } };
}

export async function reportContactId(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return await resolveContactId.call(this, readContactRef.call(this, itemIndex), itemIndex);
}
