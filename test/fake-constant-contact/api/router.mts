// Route table of the /v3 API. Templates are the swagger's, so the contract finds each operation.
import { accountSummary, userPrivileges } from './account.mts';
import { addAccountEmail, listAccountEmails } from './accountEmails.mts';
import { createImport, getActivity } from './activities.mts';
import { createContactDelete } from './contactDelete.mts';
import { createExport, getExport } from './contactExports.mts';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contacts.mts';
import type { Route } from './context.mts';
import { listCustomFields } from './customFields.mts';
import { createCustomField, deleteCustomField, getCustomField, updateCustomField } from './customFieldWrites.mts';
import { deleteCustomFieldsActivity, deleteListsActivity } from './deleteActivities.mts';
import {
	createResend,
	createSchedule,
	deleteResend,
	deleteSchedule,
	getActivity as getCampaignActivity,
	getResends,
	getSchedules,
	sendHistory,
	testSend,
	updateActivity,
} from './emailActivities.mts';
import { getEvent, getRegistration, listEvents, listRegistrations, updateRegistrationStatus } from './events.mts';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, renameCampaign } from './emails.mts';
import { createList, deleteList, getList, updateList } from './listWrites.mts';
import { listLists } from './lists.mts';
import { addListMemberships, addTaggings, removeListMemberships, removeTaggings } from './membershipActivities.mts';
import { activityStats, campaignStats, campaignSummaries } from './reports.mts';
import { resubscribeContact } from './resubscribe.mts';
import { createSegment, deleteSegment, getSegment, listSegments, renameSegment, updateSegment } from './segments.mts';
import { signUpForm } from './signUpForm.mts';
import { createTag, deleteTag, getTag, updateTag } from './tagWrites.mts';
import { listTags } from './tags.mts';
import { contactActivityDetails, contactActivitySummary, trackingReport } from './tracking.mts';

const CONTACTS = 'contact_data';
const CAMPAIGNS = 'campaign_data';
const TRACKING = ['sends', 'opens', 'unique_opens', 'didnotopens', 'clicks', 'forwards', 'optouts', 'bounces'] as const;

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
	{ method: 'GET', template: '/contact_tags/{tag_id}', scope: CONTACTS, handler: getTag },
	{ method: 'PUT', template: '/contact_tags/{tag_id}', scope: CONTACTS, handler: updateTag },
	{ method: 'DELETE', template: '/contact_tags/{tag_id}', scope: CONTACTS, handler: deleteTag },
	{ method: 'GET', template: '/contact_custom_fields', scope: CONTACTS, handler: listCustomFields },
	{ method: 'POST', template: '/contact_custom_fields', scope: CONTACTS, handler: createCustomField },
	{ method: 'GET', template: '/contact_custom_fields/{custom_field_id}', scope: CONTACTS, handler: getCustomField },
	{ method: 'PUT', template: '/contact_custom_fields/{custom_field_id}', scope: CONTACTS, handler: updateCustomField },
	{ method: 'DELETE', template: '/contact_custom_fields/{custom_field_id}', scope: CONTACTS, handler: deleteCustomField },
	{ method: 'POST', template: '/activities/list_delete', scope: CONTACTS, handler: deleteListsActivity },
	{ method: 'POST', template: '/activities/custom_fields_delete', scope: CONTACTS, handler: deleteCustomFieldsActivity },
	{ method: 'POST', template: '/activities/add_list_memberships', scope: CONTACTS, handler: addListMemberships },
	{ method: 'POST', template: '/activities/remove_list_memberships', scope: CONTACTS, handler: removeListMemberships },
	{ method: 'POST', template: '/activities/contacts_taggings_add', scope: CONTACTS, handler: addTaggings },
	{ method: 'POST', template: '/activities/contacts_taggings_remove', scope: CONTACTS, handler: removeTaggings },
	{ method: 'POST', template: '/activities/contacts_json_import', scope: CONTACTS, handler: createImport },
	{ method: 'POST', template: '/activities/contact_exports', scope: CONTACTS, handler: createExport },
	{ method: 'GET', template: '/contact_exports/{file_export_id}', scope: CONTACTS, handler: getExport },
	{ method: 'POST', template: '/activities/contact_delete', scope: CONTACTS, handler: createContactDelete },
	{ method: 'GET', template: '/activities/{activity_id}', scope: CONTACTS, handler: getActivity },
	// The swagger asks for no scope on privileges; any valid token may read them.
	{ method: 'GET', template: '/account/user/privileges', handler: userPrivileges },
	{ method: 'GET', template: '/account/summary', scope: 'account_read', handler: accountSummary },
	{ method: 'GET', template: '/account/emails', scope: 'account_read', handler: listAccountEmails },
	{ method: 'POST', template: '/account/emails', scope: 'account_update', handler: addAccountEmail },
	// Segments and contact reports are contact data; everything else about campaigns is campaign data.
	{ method: 'GET', template: '/segments', scope: CONTACTS, handler: listSegments },
	{ method: 'POST', template: '/segments', scope: CONTACTS, handler: createSegment },
	{ method: 'GET', template: '/segments/{segment_id}', scope: CONTACTS, handler: getSegment },
	{ method: 'PUT', template: '/segments/{segment_id}', scope: CONTACTS, handler: updateSegment },
	{ method: 'DELETE', template: '/segments/{segment_id}', scope: CONTACTS, handler: deleteSegment },
	{ method: 'PATCH', template: '/segments/{segment_id}/name', scope: CONTACTS, handler: renameSegment },
	{ method: 'GET', template: '/emails', scope: CAMPAIGNS, handler: listCampaigns },
	{ method: 'POST', template: '/emails', scope: CAMPAIGNS, handler: createCampaign },
	{ method: 'GET', template: '/emails/activities/{campaign_activity_id}', scope: CAMPAIGNS, handler: getCampaignActivity },
	{ method: 'PUT', template: '/emails/activities/{campaign_activity_id}', scope: CAMPAIGNS, handler: updateActivity },
	{ method: 'GET', template: '/emails/activities/{campaign_activity_id}/schedules', scope: CAMPAIGNS, handler: getSchedules },
	{ method: 'POST', template: '/emails/activities/{campaign_activity_id}/schedules', scope: CAMPAIGNS, handler: createSchedule },
	{ method: 'DELETE', template: '/emails/activities/{campaign_activity_id}/schedules', scope: CAMPAIGNS, handler: deleteSchedule },
	{ method: 'POST', template: '/emails/activities/{campaign_activity_id}/tests', scope: CAMPAIGNS, handler: testSend },
	{ method: 'GET', template: '/emails/activities/{campaign_activity_id}/send_history', scope: CAMPAIGNS, handler: sendHistory },
	{ method: 'GET', template: '/emails/activities/{campaign_activity_id}/non_opener_resends', scope: CAMPAIGNS, handler: getResends },
	{ method: 'POST', template: '/emails/activities/{campaign_activity_id}/non_opener_resends', scope: CAMPAIGNS, handler: createResend },
	{ method: 'DELETE', template: '/emails/activities/{campaign_activity_id}/non_opener_resends/{resend_request_id}', scope: CAMPAIGNS, handler: deleteResend },
	{ method: 'GET', template: '/emails/{campaign_id}', scope: CAMPAIGNS, handler: getCampaign },
	{ method: 'PATCH', template: '/emails/{campaign_id}', scope: CAMPAIGNS, handler: renameCampaign },
	{ method: 'DELETE', template: '/emails/{campaign_id}', scope: CAMPAIGNS, handler: deleteCampaign },
	{ method: 'GET', template: '/events', scope: CAMPAIGNS, handler: listEvents },
	{ method: 'GET', template: '/events/{event_id}', scope: CAMPAIGNS, handler: getEvent },
	{ method: 'GET', template: '/events/{event_id}/tracks/{track_id}/registrations', scope: CAMPAIGNS, handler: listRegistrations },
	{ method: 'PUT', template: '/events/{event_id}/tracks/{track_id}/registrations', scope: CAMPAIGNS, handler: updateRegistrationStatus },
	{ method: 'GET', template: '/events/{event_id}/tracks/{track_id}/registrations/{registration_id}', scope: CAMPAIGNS, handler: getRegistration },
	{ method: 'GET', template: '/reports/summary_reports/email_campaign_summaries', scope: CAMPAIGNS, handler: campaignSummaries },
	{ method: 'GET', template: '/reports/stats/email_campaigns/{campaign_ids}', scope: CAMPAIGNS, handler: campaignStats },
	{ method: 'GET', template: '/reports/stats/email_campaign_activities/{campaign_activity_ids}', scope: CAMPAIGNS, handler: activityStats },
	...TRACKING.map((report) => ({
		method: 'GET',
		template: `/reports/email_reports/{campaign_activity_id}/tracking/${report}`,
		scope: CAMPAIGNS,
		handler: trackingReport(report),
	})),
	{ method: 'GET', template: '/reports/contact_reports/{contact_id}/activity_details', scope: CONTACTS, handler: contactActivityDetails },
	{ method: 'GET', template: '/reports/contact_reports/{contact_id}/activity_summary', scope: CONTACTS, handler: contactActivitySummary },
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
