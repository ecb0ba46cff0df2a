import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { constantContactRequestAllItems } from '../transport/paginate';
import { loadAllCustomFields, loadAllLists } from '../account/lookups';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const tags = await constantContactRequestAllItems.call<
		ILoadOptionsFunctions,
		Parameters<typeof constantContactRequestAllItems>,
		Promise<IDataObject[]>
	>(this, 'tags', '/contact_tags', {}, { pageSize: 500 });
	return tags.map((t) => ({ name: String(t.name ?? t.tag_id), value: String(t.tag_id) })).sort(byName);
}

export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await loadAllLists.call(this);
	return lists.map((l) => ({ name: String(l.name ?? l.list_id), value: String(l.list_id) })).sort(byName);
}

export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await loadAllCustomFields.call(this);
	return fields
		.map((f) => {
			const choices = (f.choices ?? []).map((c) => c.choice_label).filter((c) => c !== undefined);
			return {
				name: f.label,
				value: f.custom_field_id,
				description: choices.length ? `${f.type}: ${choices.join(', ')}` : f.type,
			};
		})
		.sort(byName);
}

/** Every campaign of the account but deleted (Removed) ones, newest first as Constant Contact lists them. */
export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const campaigns = await constantContactRequestAllItems.call<
		ILoadOptionsFunctions,
		Parameters<typeof constantContactRequestAllItems>,
		Promise<IDataObject[]>
	>(this, 'campaigns', '/emails', {}, { pageSize: 500 });
	return campaigns
		.filter((c) => String(c.current_status).toLowerCase() !== 'removed')
		.map((c) => ({ name: String(c.name ?? c.campaign_id), value: String(c.campaign_id), description: String(c.current_status ?? '') }));
}
