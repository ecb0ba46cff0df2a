// Shared types of the fake Constant Contact. Record shapes mirror the swagger resources
// (ContactResource, ContactList, Tag, CustomField, Activity) so tests can inspect state directly.
import type { RateLimitModel } from './limits.mts';

export type RefreshTokenMode = 'rotating' | 'long_lived';

export interface FakeClient {
	clientId: string;
	/** Absent: a public (PKCE) client that authenticates with client_id + code_verifier only. */
	clientSecret?: string;
	redirectUris: string[];
	refreshTokenMode?: RefreshTokenMode;
}

export interface FakeOptions {
	host?: string;
	port?: number;
	tls?: { key: string | Buffer; cert: string | Buffer };
	clients?: FakeClient[];
	accessTokenLifetimeSeconds?: number;
	/** N, the API's requests per second per app (4; 10 for partner keys); false: no limit. */
	rateLimitPerSecond?: number | false;
	/** How the N per second are counted (limits.mts): `sliding` by default. */
	rateLimitModel?: RateLimitModel;
	/** @deprecated The same as `rateLimitModel: 'refusedCounted'` (refused arrivals count in the window too), when no model is given. */
	refusedCountInWindow?: boolean;
	tokenRateLimitPerSecond?: number | false;
	dailyQuota?: number;
	latencyMs?: number;
	importStepMs?: number;
	/** How long a campaign scheduled for "now" stays EXECUTING before it is sent (DONE). */
	campaignSendMs?: number;
	contract?: boolean;
	issuer?: string;
	audience?: string;
}

/** Options after defaults; tests may change the run-time knobs (read at request time). */
export interface ResolvedOptions {
	host: string;
	port: number;
	tls?: { key: string | Buffer; cert: string | Buffer };
	clients: FakeClient[];
	accessTokenLifetimeSeconds: number;
	rateLimitPerSecond: number | false;
	rateLimitModel: RateLimitModel;
	tokenRateLimitPerSecond: number | false;
	dailyQuota: number;
	latencyMs: number;
	importStepMs: number;
	campaignSendMs: number;
	contract: boolean;
	issuer: string;
	audience: string;
}

export type Permission = 'explicit' | 'implicit' | 'not_set' | 'pending_confirmation' | 'temp_hold' | 'unsubscribed';

export interface EmailAddressRecord {
	address: string;
	permission_to_send: Permission;
	created_at: string;
	updated_at: string;
	opt_in_source?: string;
	opt_in_date?: string;
	opt_out_source?: string;
	opt_out_date?: string;
	opt_out_reason?: string;
	confirm_status: string;
}

export interface PhoneNumberRecord {
	phone_number_id: string;
	phone_number: string;
	kind: string;
	created_at: string;
	updated_at: string;
}

export interface StreetAddressRecord {
	street_address_id: string;
	kind: string;
	street?: string;
	city?: string;
	state?: string;
	postal_code?: string;
	country?: string;
	created_at: string;
	updated_at: string;
}

export interface ContactCustomFieldRecord {
	custom_field_id: string;
	value: string;
	choice_ids?: string[];
}

export interface NoteRecord {
	note_id: string;
	created_at: string;
	content: string;
}

export interface ContactRecord {
	contact_id: string;
	/** Required here: the fake does not model SMS-only contacts. */
	email_address: EmailAddressRecord;
	first_name?: string;
	last_name?: string;
	job_title?: string;
	company_name?: string;
	birthday_month?: number;
	birthday_day?: number;
	anniversary?: string;
	create_source: string;
	update_source?: string;
	created_at: string;
	updated_at: string;
	/** Soft delete marker; the swagger types it as a date (YYYY-MM-DD). */
	deleted_at?: string;
	custom_fields: ContactCustomFieldRecord[];
	phone_numbers: PhoneNumberRecord[];
	street_addresses: StreetAddressRecord[];
	list_memberships: string[];
	taggings: string[];
	notes: NoteRecord[];
	/** A top-level property (not a subresource): a PUT that omits it erases it, as the contract says. */
	sms_channel?: SmsChannelRecord;
}

/** ContactResource.sms_channel: the number split into dial code and address, and its consents. */
export interface SmsChannelRecord {
	sms_channel_id: string;
	sms_address: string;
	dial_code: string;
	country_code?: string;
	create_source: string;
	update_source: string;
	sms_channel_consents: Array<{ sms_consent_permission: string; consent_type: string; opt_in_date?: string; opt_out_date?: string }>;
}

export interface ListRecord {
	list_id: string;
	name: string;
	description?: string;
	favorite: boolean;
	created_at: string;
	updated_at: string;
	deleted_at?: string;
}

export interface TagRecord {
	tag_id: string;
	name: string;
	tag_source: string;
	created_at: string;
	updated_at: string;
}

export interface CustomFieldChoiceRecord {
	choice_id: number;
	choice_label: string;
	display_order: number;
}

export type CustomFieldType =
	| 'string'
	| 'date'
	| 'number'
	| 'boolean'
	| 'currency'
	| 'single_select'
	| 'multi_select'
	| (string & {});

export interface CustomFieldRecord {
	custom_field_id: string;
	label: string;
	name: string;
	type: CustomFieldType;
	metadata?: { display_type?: string };
	choices?: CustomFieldChoiceRecord[];
	created_at: string;
	updated_at: string;
}

export type ActivityState = 'initialized' | 'processing' | 'completed' | 'cancelled' | 'failed' | 'timed_out';

export interface ActivityStatusRecord {
	items_total_count: number;
	items_completed_count: number;
	person_count: number;
	error_count: number;
	correctable_count: number;
	cannot_add_to_list_count: number;
	list_count: number;
}

export interface ActivityRecord {
	activity_id: string;
	state: ActivityState;
	created_at: string;
	updated_at: string;
	started_at?: string;
	completed_at?: string;
	percent_done: number;
	activity_errors: string[];
	status: ActivityStatusRecord;
	/** The import payload, applied when the activity completes. */
	import_data: Record<string, unknown>[];
	list_ids: string[];
	/** A contact export's CSV file, written when the export completes (GET /contact_exports/{id}). */
	export_csv?: string;
	/** What kind of activity it is, where its answers differ (an export links its file). */
	kind?: 'export' | 'delete';
}

export interface AccountEmailRecord {
	email_address: string;
	email_id: number;
	confirm_status: 'CONFIRMED' | 'UNCONFIRMED';
	confirm_time?: string;
	confirm_source_type?: string;
	roles: string[];
	pending_roles: string[];
}

/** An activity's status, UPPER case as the activity endpoints spell it (campaigns use Title case). */
export type CampaignActivityStatus = 'DRAFT' | 'SCHEDULED' | 'EXECUTING' | 'DONE' | 'ERROR' | 'REMOVED';

export interface EmailPhysicalAddressRecord {
	address_line1: string;
	country_code: string;
	organization_name: string;
	[key: string]: string;
}

export interface CampaignRecord {
	campaign_id: string;
	name: string;
	type: string;
	type_code: number;
	created_at: string;
	updated_at: string;
	/** Deleted: GET /emails still lists it, as `Removed`. */
	removed: boolean;
	/** primary_email first, then permalink. */
	activity_ids: string[];
}

export interface CampaignActivityRecord {
	campaign_activity_id: string;
	campaign_id: string;
	role: 'primary_email' | 'permalink' | 'resend';
	current_status: CampaignActivityStatus;
	format_type: number;
	from_email: string;
	from_name: string;
	reply_to_email: string;
	subject: string;
	preheader?: string;
	html_content?: string;
	physical_address_in_footer?: EmailPhysicalAddressRecord;
	contact_list_ids?: string[];
	segment_ids?: number[];
	permalink_url?: string;
	/** While SCHEDULED: the date it goes out, and the status an unschedule goes back to. */
	scheduled_date?: string;
	status_before_schedule?: CampaignActivityStatus;
	/** Its resend to non-openers (one per campaign): the ID it has once the campaign is not a draft, the delay as created. */
	resend?: NonOpenerResendRecord;
}

export interface NonOpenerResendRecord {
	resend_request_id: string;
	resend_subject: string;
	delay_minutes: number;
	/** Created with delay_days (else with delay_minutes). */
	by_days: boolean;
}

export interface SendHistoryRecord {
	send_id: number;
	contact_list_ids: string[];
	segment_ids: number[];
	count: number;
	run_date: string;
	send_status: 'COMPLETED' | 'ERRORED';
	reason_code: number;
}

export type TrackingType = 'em_sends' | 'em_opens' | 'em_clicks' | 'em_bounces' | 'em_optouts' | 'em_forwards';

/** One row of the tracking reports: what a contact did with one campaign activity, and when. */
export interface TrackingRecord {
	tracking_activity_type: TrackingType;
	campaign_activity_id: string;
	contact_id: string;
	email_address: string;
	first_name?: string;
	last_name?: string;
	created_time: string;
	device_type?: string;
	url_id?: string;
	link_url?: string;
	bounce_code?: string;
	opt_out_reason?: string;
}

export interface SegmentRecord {
	segment_id: number;
	name: string;
	segment_criteria: string;
	created_at: string;
	edited_at: string;
	/** Deleted segments leave GET /segments but GET /segments/{id} still returns them. */
	deleted: boolean;
}

/** An event (Constant Contact Events): its tracks are keys such as `s8zabc`, the first its default track. */
export interface EventRecord {
	event_id: string;
	name: string;
	title: string;
	description: string;
	/** ACTIVE, DRAFT, COMPLETE, DELETED, CANCELLED or ERROR. */
	status: string;
	event_type: string;
	location_type: string;
	time_zone: string;
	start_time: string;
	end_time: string;
	create_time: string;
	registration_url: string;
	/** Track keys; tracks[0] is the default track. */
	tracks: string[];
	/** The default track's registration form activity (TrackDto requires it). */
	campaign_activity_id: string;
}

/** One registration of an event track, with the registrant's answers as the form collected them. */
export interface RegistrationRecord {
	registration_id: string;
	event_id: string;
	track_key: string;
	contact_id: string;
	first_name: string;
	last_name: string;
	email_address: string;
	new_contact: boolean;
	/** PENDING, REGISTERED, CANCELED, EXPIRED, IN_PROGRESS or FAILED. */
	registration_status: string;
	/** PENDING, PAID, REFUNDED, CANCELLED, FAILED, CHARGED_BACK or UNKNOWN; absent for a free registration. */
	payment_status?: string;
	registration_time: string;
	tickets: number;
	total: number;
	/** The form's fields: SimpleFieldDto entries (label, name, type, value). */
	fields: Array<{ field_name: string; field_label: string; field_type: string; field_value: string; display_order: number }>;
}

export interface SeedRegistrationInput {
	event_id: string;
	/** Defaults to the event's default track. */
	track_key?: string;
	email_address: string;
	first_name?: string;
	last_name?: string;
	registration_status?: string;
	payment_status?: string;
	registration_time?: string;
	tickets?: number;
	total?: number;
	/** Extra answers: label → value. */
	answers?: Record<string, string>;
}

export interface TestSendRecord {
	campaign_activity_id: string;
	email_addresses: string[];
	personal_message?: string;
	at: string;
}

export interface RequestLogEntry {
	method: string;
	/** Full path as received, e.g. `/v3/contacts` or `/oauth2/default/v1/token`. */
	path: string;
	query: Record<string, string>;
	clientId?: string;
	/** The grant (one consent) whose access token signed it: tells apart processes holding their own tokens. */
	grantId?: string;
	/** 0 when the connection was dropped by an injected fault. */
	status: number;
	receivedAt: number;
	respondedAt: number;
	body?: unknown;
	/** Set when an injected fault decided the answer. */
	fault?: 'before' | 'after';
}

export interface TokenRequestLogEntry {
	grantType: string;
	status: number;
	receivedAt: number;
}

export interface FaultSpec {
	method?: string;
	path?: string | RegExp;
	status?: number;
	body?: unknown;
	times?: number;
	mode?: 'before' | 'after';
	drop?: boolean;
	delayMs?: number;
	/** Response headers of the injected answer, e.g. a redirect's `location`. */
	headers?: Record<string, string>;
}

export interface TokenSet {
	access_token: string;
	refresh_token: string;
	token_type: 'Bearer';
	expires_in: number;
	scope: string;
}

export interface SeedContactInput {
	email_address: { address: string; permission_to_send?: Permission; opt_out_source?: string; opt_out_reason?: string };
	first_name?: string;
	last_name?: string;
	job_title?: string;
	company_name?: string;
	create_source?: string;
	birthday_month?: number;
	birthday_day?: number;
	anniversary?: string;
	custom_fields?: Array<{ custom_field_id: string; value: string }>;
	phone_numbers?: Array<{ phone_number: string; kind?: string }>;
	street_addresses?: Array<{ kind: string; street?: string; city?: string; state?: string; postal_code?: string; country?: string }>;
	list_memberships?: string[];
	taggings?: string[];
	notes?: Array<{ content: string }>;
	deleted?: boolean;
	/** An SMS number with its consent, as Constant Contact stores it. */
	sms_channel?: { sms_address: string; dial_code: string; country_code?: string; sms_consent_permission: string };
	/** Overrides for date-filter tests. */
	created_at?: string;
	updated_at?: string;
}

/** An engagement the fake records as if a contact had acted on a sent campaign. */
export interface TrackingEvent {
	type: 'open' | 'click' | 'bounce' | 'optout' | 'forward';
	email: string;
	/** ISO time; default now. */
	at?: string;
	device_type?: string;
	link_url?: string;
	bounce_code?: 'B' | 'D' | 'F' | 'S' | 'V' | 'X' | 'Z';
	opt_out_reason?: string;
}

/** Test seam: what Constant Contact does on its own (send a campaign, record opens, clicks, bounces). */
export interface CampaignSeam {
	/** Sends the campaign's primary email now (SCHEDULED or EXECUTING → DONE): send history and a send row per recipient. */
	send(campaignId: string, at?: string): { campaign_activity_id: string; sent_to: string[] };
	/** Records engagement rows for contacts the campaign was sent to; an opt-out also unsubscribes the contact. */
	track(campaignId: string, events: TrackingEvent[]): void;
}

export interface Seeder {
	list(p: { name: string; description?: string; favorite?: boolean }): ListRecord;
	accountEmail(p: { email_address: string; confirmed?: boolean; roles?: string[] }): AccountEmailRecord;
	segment(p: { name: string; segment_criteria?: string; deleted?: boolean }): SegmentRecord;
	tag(p: { name: string }): TagRecord;
	customField(p: { label: string; name?: string; type?: CustomFieldType; choices?: string[] }): CustomFieldRecord;
	contact(p: SeedContactInput): ContactRecord;
	/** An event with a default track and `tracks - 1` more (default 1 in all). */
	event(p: { name: string; status?: string; tracks?: number; start_time?: string; created_at?: string }): EventRecord;
	/** A registration, as Constant Contact records one when someone registers on the event's form. */
	registration(p: SeedRegistrationInput): RegistrationRecord;
}

export interface FakeStateMaps {
	contacts: Map<string, ContactRecord>;
	lists: Map<string, ListRecord>;
	tags: Map<string, TagRecord>;
	customFields: Map<string, CustomFieldRecord>;
	activities: Map<string, ActivityRecord>;
	accountEmails: AccountEmailRecord[];
	campaigns: Map<string, CampaignRecord>;
	campaignActivities: Map<string, CampaignActivityRecord>;
	sendHistory: Map<string, SendHistoryRecord[]>;
	tracking: TrackingRecord[];
	segments: Map<number, SegmentRecord>;
	testSends: TestSendRecord[];
	events: Map<string, EventRecord>;
	registrations: RegistrationRecord[];
}

export interface FakeConstantContact {
	url: string;
	apiBaseUrl: string;
	authorizeUrl: string;
	tokenUrl: string;
	/** The JWKS endpoint (extra, not in the brief's list). */
	keysUrl: string;
	options: ResolvedOptions;
	state: FakeStateMaps;
	seed: Seeder;
	campaigns: CampaignSeam;
	issueTokens(p?: { clientId?: string; scope?: string; accessTokenLifetimeSeconds?: number }): Promise<TokenSet>;
	/** The grant (one consent) an access token belongs to, as request log entries name it. */
	grantOf(accessToken: string): Promise<string | undefined>;
	revokeGrants(clientId?: string): void;
	injectFault(f: FaultSpec): void;
	requests: RequestLogEntry[];
	tokenRequests: TokenRequestLogEntry[];
	contractViolations: string[];
	assertNoContractViolations(): void;
	reset(): void;
	close(): Promise<void>;
}
