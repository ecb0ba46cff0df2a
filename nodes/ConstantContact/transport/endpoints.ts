/**
 * The fixed words of Constant Contact's API paths: every literal segment of the paths in its contract
 * (swagger-v3.yaml; a test keeps this list equal to it). Any other segment is an ID.
 */
const CONTRACT_PATH_WORDS = new Set([
	'abtest', 'account', 'account_operations', 'accounts', 'activities', 'activity_details', 'activity_summary',
	'add_list_memberships', 'automations', 'bounces', 'campaign_details', 'campaign_id_xrefs', 'cancel',
	'check_in', 'clicks', 'connections', 'contact_custom_fields', 'contact_delete', 'contact_exports',
	'contact_id_xrefs', 'contact_lists', 'contact_reports', 'contact_tags', 'contacts', 'contacts_file_import',
	'contacts_json_import', 'contacts_taggings_add', 'contacts_taggings_remove', 'contacts_tags_delete', 'copy',
	'counts', 'custom_fields_delete', 'default', 'didnotopens', 'email_campaign_activities',
	'email_campaign_summaries', 'email_campaigns', 'email_reports', 'emails', 'events', 'forwards', 'groups',
	'hashtags', 'landing_pages', 'links', 'list_delete', 'list_id_xrefs', 'name', 'non_opener_resends',
	'open_and_click_rates', 'opens', 'optouts', 'p_contact_opens', 'p_unique_contact_adds',
	'p_unique_contact_clicks', 'p_unique_contact_opens', 'p_unique_contact_sms_optins',
	'p_unique_contact_updates', 'partner', 'payment_status', 'physical_address', 'plan', 'posts', 'previews',
	'privileges', 'profiles', 'registrations', 'remove_list_memberships', 'reports', 'resubscribe', 'schedules',
	'segments', 'send_history', 'sends', 'sign_up_form', 'sms_campaign_summaries', 'sms_engagement_history',
	'social', 'sso', 'stats', 'status', 'subscriptions', 'summary', 'summary_reports', 'sync', 'tests',
	'tickets', 'tracking', 'tracks', 'undo_check_in', 'unique_opens', 'unsubscribe', 'user', 'users',
	'webhooks', 'workflows',
]);

/** The API path (`/emails/...`) of a request path, a `/v3/...` next link or a full URL. */
export function apiPath(path: string): string {
	let p = /^https?:\/\//i.test(path) ? new URL(path).pathname : path;
	p = p.split('?')[0] ?? '';
	if (p === '/v3' || p.startsWith('/v3/')) p = p.slice('/v3'.length);
	return p.startsWith('/') ? p : `/${p}`;
}

/**
 * The endpoint a request is for, as the contract names it with IDs left out (`GET /contacts/{id}`):
 * one entry per endpoint however many IDs pass through, for what is remembered per endpoint.
 */
export function endpointOf(method: string, path: string): string {
	const segments = apiPath(path)
		.split('/')
		.map((s) => (s === '' || CONTRACT_PATH_WORDS.has(s) ? s : '{id}'));
	return `${method.toUpperCase()} ${segments.join('/')}`;
}
