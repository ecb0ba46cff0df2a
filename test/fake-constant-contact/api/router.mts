// Route table of the /v3 API. Templates are the swagger's, so the contract finds each operation.
import { accountSummary, userPrivileges } from './account.mts';
import { createImport, getActivity } from './activities.mts';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contacts.mts';
import type { Route } from './context.mts';
import { listCustomFields } from './customFields.mts';
import { createCustomField } from './customFieldWrites.mts';
import { createList, deleteList, getList, updateList } from './listWrites.mts';
import { listLists } from './lists.mts';
import { addListMemberships, addTaggings, removeListMemberships, removeTaggings } from './membershipActivities.mts';
import { resubscribeContact } from './resubscribe.mts';
import { signUpForm } from './signUpForm.mts';
import { createTag, deleteTag } from './tagWrites.mts';
import { listTags } from './tags.mts';

const CONTACTS = 'contact_data';

// Literal templates come before parameterised ones (/contacts/sign_up_form vs /contacts/{contact_id}).
export const ROUTES: Route[] = [
	{ method: 'GET', template: '/contacts', scope: CONTACTS, handler: listContacts },
	{ method: 'POST', template: '/contacts', scope: CONTACTS, handler: createContact },
	{ method: 'POST', template: '/contacts/sign_up_form', scope: CONTACTS, handler: signUpForm },
	{ method: 'PUT', template: '/contacts/resubscribe/{contact_id}', scope: CONTACTS, handler: resubscribeContact },
	{ method: 'GET', template: '/contacts/{contact_id}', scope: CONTACTS, handler: getContact },
	{ method: 'PUT', template: '/contacts/{contact_id}', scope: CONTACTS, handler: updateContact },
	{ method: 'DELETE', template: '/contacts/{contact_id}', scope: CONTACTS, handler: deleteContact },
	{ method: 'GET', template: '/contact_lists', scope: CONTACTS, handler: listLists },
	{ method: 'POST', template: '/contact_lists', scope: CONTACTS, handler: createList },
	{ method: 'GET', template: '/contact_lists/{list_id}', scope: CONTACTS, handler: getList },
	{ method: 'PUT', template: '/contact_lists/{list_id}', scope: CONTACTS, handler: updateList },
	{ method: 'DELETE', template: '/contact_lists/{list_id}', scope: CONTACTS, handler: deleteList },
	{ method: 'GET', template: '/contact_tags', scope: CONTACTS, handler: listTags },
	{ method: 'POST', template: '/contact_tags', scope: CONTACTS, handler: createTag },
	{ method: 'DELETE', template: '/contact_tags/{tag_id}', scope: CONTACTS, handler: deleteTag },
	{ method: 'GET', template: '/contact_custom_fields', scope: CONTACTS, handler: listCustomFields },
	{ method: 'POST', template: '/contact_custom_fields', scope: CONTACTS, handler: createCustomField },
	{ method: 'POST', template: '/activities/add_list_memberships', scope: CONTACTS, handler: addListMemberships },
	{ method: 'POST', template: '/activities/remove_list_memberships', scope: CONTACTS, handler: removeListMemberships },
	{ method: 'POST', template: '/activities/contacts_taggings_add', scope: CONTACTS, handler: addTaggings },
	{ method: 'POST', template: '/activities/contacts_taggings_remove', scope: CONTACTS, handler: removeTaggings },
	{ method: 'POST', template: '/activities/contacts_json_import', scope: CONTACTS, handler: createImport },
	{ method: 'GET', template: '/activities/{activity_id}', scope: CONTACTS, handler: getActivity },
	// The swagger asks for no scope on privileges; any valid token may read them.
	{ method: 'GET', template: '/account/user/privileges', handler: userPrivileges },
	{ method: 'GET', template: '/account/summary', scope: 'account_read', handler: accountSummary },
];

const compiled = ROUTES.map((route) => {
	const names: string[] = [];
	const source = route.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
		names.push(name);
		return '([^/]+)';
	});
	return { route, names, regex: new RegExp(`^${source}/?$`) };
});

export function matchRoute(method: string, apiPath: string): { route: Route; params: Record<string, string> } | undefined {
	for (const { route, names, regex } of compiled) {
		if (route.method !== method) continue;
		const m = regex.exec(apiPath);
		if (!m) continue;
		const params: Record<string, string> = {};
		names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
		return { route, params };
	}
	return undefined;
}
