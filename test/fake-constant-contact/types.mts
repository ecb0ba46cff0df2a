// Shared types of the fake Constant Contact. Record shapes mirror the swagger resources
// (ContactResource, ContactList, Tag, CustomField, Activity) so tests can inspect state directly.

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
	rateLimitPerSecond?: number | false;
	/** The harsher reading of the per-second limit: refused (429) arrivals count in the window too. */
	refusedCountInWindow?: boolean;
	tokenRateLimitPerSecond?: number | false;
	dailyQuota?: number;
	latencyMs?: number;
	importStepMs?: number;
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
	refusedCountInWindow: boolean;
	tokenRateLimitPerSecond: number | false;
	dailyQuota: number;
	latencyMs: number;
	importStepMs: number;
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
	/** Overrides for date-filter tests. */
	created_at?: string;
	updated_at?: string;
}

export interface Seeder {
	list(p: { name: string; description?: string; favorite?: boolean }): ListRecord;
	tag(p: { name: string }): TagRecord;
	customField(p: { label: string; name?: string; type?: CustomFieldType; choices?: string[] }): CustomFieldRecord;
	contact(p: SeedContactInput): ContactRecord;
}

export interface FakeStateMaps {
	contacts: Map<string, ContactRecord>;
	lists: Map<string, ListRecord>;
	tags: Map<string, TagRecord>;
	customFields: Map<string, CustomFieldRecord>;
	activities: Map<string, ActivityRecord>;
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
