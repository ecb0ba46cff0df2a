import type { IExecuteFunctions } from 'n8n-workflow';

import { loadConfirmedSenders } from '../../methods/accountData';

/** The confirmed sender addresses, read once per execution however many items it has. */
const perExecution = new WeakMap<object, Promise<string[]>>();

export async function confirmedSenders(this: IExecuteFunctions, itemIndex: number): Promise<string[]> {
	let pending = perExecution.get(this);
	if (!pending) {
		pending = loadConfirmedSenders.call(this, itemIndex);
		perExecution.set(this, pending);
		// A failure is this item's error; a later item asks again.
		pending.catch(() => perExecution.delete(this));
	}
	return await pending;
}
