// Examples that never rot: every `examples/*.json` is imported into the running n8n and executed, with
// the placeholders filled in (the e2e credential, a list seeded in the fake) and each node that cannot
// run here replaced by a stand-in of the same name, so connections and expressions still hold:
//   - an external trigger (Form Trigger, HubSpot Trigger): a Manual Trigger + a Code node emitting
//     items shaped like that trigger's output (`n8n execute` ignores pinned data, and nothing can call
//     a webhook in here);
//   - an external service (HubSpot Get): a Code node returning what the service would, per input item;
//   - a CRM write (HubSpot Create or Update): a Set node with the example's own expressions, so its
//     output is what the CRM would have been sent;
//   - a local node (Read/Write Files): runs for real, its path pointed at a file written here.
// Constant Contact nodes run exactly as in the file (placeholders aside), and so does our trigger: a
// polling trigger cannot start `n8n execute` (it starts only at a Manual Trigger and, in its "cli" mode,
// does not poll), so an example that starts with it is run as the editor's *Execute workflow* does,
// `POST /rest/workflows/:id/run` from that trigger, which polls in manual mode (the newest match).
// A node type with no stand-in that cannot run here, an example without checks, or a placeholder left
// over fails the suite and names the file.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { newCampaign } from '../../fake-constant-contact/campaignLifecycle.mts';
import type { ContactRecord, EventRecord, ListRecord, RequestLogEntry } from '../../fake-constant-contact/server.mts';
import type { FakeState } from '../../fake-constant-contact/state.mts';
import { OWNER_EMAIL } from '../../fake-constant-contact/state.mts';
import type { Ctx } from '../lib/context.mts';
import { contactByEmail, execute, isApi, runManually, summarize } from '../lib/context.mts';
import { check, checkEqual, log, step } from '../lib/log.mts';
import type { ExecutedRun, NodeRunItem } from '../lib/n8n.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { CREDENTIAL_TYPE } from '../lib/workflows.mts';

const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples');
const LIST_PLACEHOLDER = 'REPLACE-WITH-YOUR-LIST-ID';
const CREDENTIAL_PLACEHOLDER = 'REPLACE-WITH-YOUR-CREDENTIAL-ID';
/** A confirmed email address of the account: the fake's owner address. */
const EMAIL_PLACEHOLDER = 'REPLACE-WITH-YOUR-EMAIL';
/** An event of the account: one seeded for the example (`exampleEvents`). */
const EVENT_PLACEHOLDER = 'REPLACE-WITH-YOUR-EVENT-ID';
const OUR_NODE_TYPE = /^n8n-nodes-constant-contact\./;
const STAND_IN_TRIGGER = 'Manual Trigger (e2e stand-in)';

/** n8n-nodes-base types that run in here as they are (no network): logic, local files. */
const RUNS_HERE = new Set(
	['manualTrigger', 'stickyNote', 'code', 'set', 'if', 'filter', 'merge', 'noOp', 'splitOut', 'readWriteFile', 'extractFromFile'].map(
		(t) => `n8n-nodes-base.${t}`,
	),
);

type Json = Record<string, unknown>;

interface WorkflowNode extends Json {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Json;
	credentials?: Record<string, { id: string; name: string }>;
}

interface Connection {
	node: string;
	type: string;
	index: number;
}

interface ExampleFile {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, Record<string, Connection[][]>>;
	settings?: Json;
}

/** What replaces a node of the example (by name). */
type StandIn =
	/** An external trigger: a Manual Trigger + a Code node emitting these items (the trigger's output shape). */
	| { kind: 'trigger'; items: (node: WorkflowNode) => Json[] }
	/** An external service: a Code node (same name) returning what the service would for its input. */
	| { kind: 'service'; jsCode: string }
	/** A write to a CRM or a spreadsheet: a node that outputs what would have been sent. */
	| { kind: 'record' }
	/** A node that runs here, with some parameters changed (a file path). */
	| { kind: 'parameters'; parameters: (ctx: Ctx) => Json };

interface RunResult {
	run: ExecutedRun;
	/** Every request the fake saw during the run. */
	requests: RequestLogEntry[];
	list: ListRecord;
	out: (node: string) => NodeRunItem[];
}

interface ExampleCase {
	/** The list created for this example; it replaces the list placeholder. */
	listName: string;
	/** `n8n execute` from a Manual Trigger, or a manual run from this (polling) trigger through the REST API. */
	startFrom?: string;
	standIns: Record<string, StandIn>;
	/** Right before the run: seed the fake, write files. */
	before?: (ctx: Ctx, list: ListRecord) => void;
	check: (ctx: Ctx, result: RunResult) => void;
}

const contactOrFail = (ctx: Ctx, email: string): ContactRecord => {
	const contact = contactByEmail(ctx.fake, email);
	check(contact, `${email} is not in the fake account`);
	return contact;
};
/**
 * The writes Constant Contact took in. A 429 changed nothing and is retried; the examples run while
 * scenario 8's trigger polls from n8n's server process on the same app (its own pacer), so one may come.
 */
const writes = (requests: RequestLogEntry[]): RequestLogEntry[] => requests.filter((r) => isApi(r) && r.method !== 'GET' && r.status !== 429);
/** A poll of scenario 8's active Contact Bounced trigger (a campaign, then its bounces report), which may come during an example. */
const isBouncePoll = (r: RequestLogEntry): boolean => r.method === 'GET' && (/^\/v3\/emails\/[^/]+$/.test(r.path) || /^\/v3\/reports\/email_reports\/[^/]+\/tracking\/bounces$/.test(r.path));
/** The contacts' emails in a Constant Contact node's output: simplified, its default (`email`, not `email_address.address`). */
const emails = (items: NodeRunItem[]): unknown[] => items.map((i) => i.json.email);

// ---------------------------------------------------------------------------------------------------
// form-signup.json: Form Trigger → Create or Update (the contact's own sign-up)

/** Submissions by the form's field labels; the stand-in emits the fields the example's form has. */
const FORM_SUBMISSIONS: Array<Record<string, string>> = [
	{ Email: 'ex-form-new@example.com', 'First Name': 'Noor', 'Last Name': 'Newman', Phone: '+1 555 0101' },
	// An optional field left empty arrives as '' from the Form Trigger.
	{ Email: 'ex-form-back@example.com', 'First Name': 'Remy', 'Last Name': 'Returner', Phone: '' },
];

function formTriggerItems(node: WorkflowNode): Json[] {
	const fields = ((node.parameters.formFields as { values?: Array<{ fieldLabel?: string }> } | undefined)?.values ?? []).map((f) => String(f.fieldLabel));
	return FORM_SUBMISSIONS.map((submission, i) => {
		const item: Json = {};
		for (const label of fields) {
			check(label in submission, `the form has a field "${label}" that the stand-in's sample submissions do not fill (add it to FORM_SUBMISSIONS)`);
			item[label] = submission[label];
		}
		return { ...item, submittedAt: `2026-08-13T10:1${i}:00.000+00:00`, formMode: 'production' };
	});
}

const formSignup: ExampleCase = {
	listName: 'Example: Newsletter',
	standIns: { 'Sign-up Form': { kind: 'trigger', items: formTriggerItems } },
	before(ctx) {
		// Someone who unsubscribed once and now signs up again through the form.
		ctx.fake.seed.contact({
			email_address: { address: 'ex-form-back@example.com', permission_to_send: 'unsubscribed', opt_out_source: 'Contact' },
			first_name: 'Remy',
			job_title: 'Baker',
			phone_numbers: [{ phone_number: '+1 555 0199', kind: 'home' }],
			list_memberships: [ctx.lists.customers.list_id],
		});
	},
	check(ctx, { requests, list, out }) {
		const result = out('Constant Contact');
		checkEqual(result.map((i) => i.json.action), ['created', 'updated'], 'output `action` per item');
		checkEqual(emails(result), FORM_SUBMISSIONS.map((s) => s.Email), 'output email per item');
		checkEqual([...new Set(writes(requests).map((r) => `${r.method} ${r.path}`))], ['POST /v3/contacts/sign_up_form'], 'writes (sign-up only)');

		const created = contactOrFail(ctx, 'ex-form-new@example.com');
		checkEqual([created.first_name, created.last_name], ['Noor', 'Newman'], 'new sign-up: name');
		checkEqual(created.phone_numbers.map((p) => p.phone_number), ['+1 555 0101'], 'new sign-up: phone');
		checkEqual([created.email_address.permission_to_send, created.create_source], ['explicit', 'Contact'], 'new sign-up: permission and source');
		checkEqual(created.list_memberships, [list.list_id], 'new sign-up: lists');

		// Their own sign-up: re-subscribed (explicit), lists appended, what the form did not send kept.
		const back = contactOrFail(ctx, 'ex-form-back@example.com');
		checkEqual(back.email_address.permission_to_send, 'explicit', 'returning sign-up: permission (their own sign-up re-subscribes)');
		checkEqual(back.last_name, 'Returner', 'returning sign-up: last_name');
		checkEqual(back.job_title, 'Baker', 'returning sign-up: job_title (not on the form) kept');
		checkEqual(back.phone_numbers.map((p) => p.phone_number), ['+1 555 0199'], 'returning sign-up: phone kept (the form sent an empty one)');
		checkEqual([...back.list_memberships].sort(), [ctx.lists.customers.list_id, list.list_id].sort(), 'returning sign-up: lists (appended)');
	},
};

// ---------------------------------------------------------------------------------------------------
// crm-account-sync.json: HubSpot Trigger → HubSpot Get contact → Create or Update (account sync)

/** HubSpot webhook events as the HubSpot Trigger emits them (it renames objectId to contactId). */
const hubspotEvent = (eventId: number, contactId: number, subscriptionType: string, extra: Json = {}): Json => ({
	eventId,
	subscriptionId: 2468,
	portalId: 62515,
	appId: 1357,
	occurredAt: 1786960800000 + eventId,
	subscriptionType,
	attemptNumber: 0,
	changeSource: 'CRM_UI',
	...extra,
	contactId,
});

/** A contact as HubSpot's Get contact (node v2, the v1 contact profile) returns it. */
function hubspotProfile(vid: number, properties: Record<string, string>): Json {
	const at = '1786960000000';
	const props: Json = { hs_object_id: String(vid), lifecyclestage: 'customer', createdate: '1719824400000', lastmodifieddate: at, ...properties };
	return {
		vid,
		'canonical-vid': vid,
		'merged-vids': [],
		'portal-id': 62515,
		'is-contact': true,
		properties: Object.fromEntries(
			Object.entries(props).map(([k, value]) => [k, { value, versions: [{ value, 'source-type': 'CRM_UI', timestamp: Number(at), selected: false }] }]),
		),
		'form-submissions': [],
		'list-memberships': [],
		'identity-profiles': [
			{ vid, 'saved-at-timestamp': Number(at), 'deleted-changed-timestamp': 0, identities: [{ type: 'EMAIL', value: properties.email, timestamp: Number(at), 'is-primary': true }] },
		],
		'merge-audits': [],
	};
}

const HUBSPOT_CONTACTS: Record<string, Json> = {
	501: hubspotProfile(501, { email: 'ex-crm-optout@example.com', firstname: 'Otto', lastname: 'Opted', company: 'Acme' }),
	// With an address as HubSpot keeps it (loose address, city, state, zip): Map Automatically gives it a kind.
	502: hubspotProfile(502, {
		email: 'ex-crm-new@example.com',
		firstname: 'Nell',
		lastname: 'Newcomer',
		company: 'Initech',
		jobtitle: 'CTO',
		phone: '+1 555 0102',
		address: '25 First Street',
		city: 'Cambridge',
		state: 'MA',
		zip: '02139',
	}),
};

const crmAccountSync: ExampleCase = {
	listName: 'Example: Customers',
	standIns: {
		'HubSpot Trigger': {
			kind: 'trigger',
			items: () => [
				hubspotEvent(9001, 501, 'contact.propertyChange', { propertyName: 'email', propertyValue: 'ex-crm-optout@example.com' }),
				hubspotEvent(9002, 502, 'contact.creation'),
			],
		},
		'Get HubSpot Contact': {
			kind: 'service',
			jsCode: [
				`const contacts = ${JSON.stringify(HUBSPOT_CONTACTS)};`,
				'return $input.all().map((item) => {',
				'  const contact = contacts[String(item.json.contactId)];',
				"  if (!contact) throw new Error('no sample HubSpot contact with id ' + item.json.contactId);",
				'  return { json: contact };',
				'});',
			].join('\n'),
		},
	},
	before(ctx) {
		// Unsubscribed in Constant Contact; the CRM still has them and changes their record.
		ctx.fake.seed.contact({
			email_address: { address: 'ex-crm-optout@example.com', permission_to_send: 'unsubscribed', opt_out_source: 'Contact', opt_out_reason: 'Not interested' },
			first_name: 'Otto',
			job_title: 'CFO',
			list_memberships: [ctx.lists.customers.list_id],
		});
	},
	check(ctx, { requests, list, out }) {
		const result = out('Constant Contact');
		checkEqual(result.map((i) => i.json.action), ['updated', 'created'], 'output `action` per item');
		checkEqual(emails(result), ['ex-crm-optout@example.com', 'ex-crm-new@example.com'], 'output email per item');
		check(!requests.some((r) => r.path === '/v3/contacts/sign_up_form'), 'account sync must never call sign_up_form (it re-subscribes)');

		const optout = contactOrFail(ctx, 'ex-crm-optout@example.com');
		checkEqual(
			[optout.email_address.permission_to_send, optout.email_address.opt_out_source, optout.email_address.opt_out_reason],
			['unsubscribed', 'Contact', 'Not interested'],
			'the unsubscribed contact: permission, opt-out source and reason kept',
		);
		checkEqual([optout.last_name, optout.company_name], ['Opted', 'Acme'], 'the unsubscribed contact: fields from HubSpot');
		checkEqual(optout.job_title, 'CFO', 'the unsubscribed contact: job_title (not in HubSpot) kept');

		const created = contactOrFail(ctx, 'ex-crm-new@example.com');
		checkEqual(
			[created.first_name, created.last_name, created.company_name, created.job_title],
			['Nell', 'Newcomer', 'Initech', 'CTO'],
			'new contact: fields from HubSpot `properties.*.value`',
		);
		checkEqual(created.phone_numbers.map((p) => [p.phone_number, p.kind]), [['+1 555 0102', 'other']], 'new contact: phone, of the default kind');
		checkEqual(
			created.street_addresses.map((a) => [a.kind, a.street, a.city, a.state, a.postal_code]),
			[['home', '25 First Street', 'Cambridge', 'MA', '02139']],
			'new contact: the HubSpot address, of the default kind (Home)',
		);
		checkEqual([created.email_address.permission_to_send, created.create_source], ['implicit', 'Account'], 'new contact: permission and source');
		checkEqual(created.list_memberships, [list.list_id], 'new contact: lists');
	},
};

// ---------------------------------------------------------------------------------------------------
// csv-import.json: Manual Trigger → Read/Write Files → Extract From File (CSV) → Import

const CSV = [
	'email,first_name,last_name,company_name,job_title',
	'ex-csv-ivy@example.com,Ivy,Importer,Acme,Buyer',
	'ex-csv-jon@example.com,Jon,Jonas,,',
	'ex-csv-explicit@example.com,Ezra,Explicit,Globex,',
	'ex-csv-optout@example.com,Olga,Out,,',
].join('\n');

/** Where n8n may read: `~/.n8n-files` (N8N_RESTRICT_FILE_ACCESS_TO's default), `~` being n8n's HOME, its user folder here. */
const csvPath = (ctx: Ctx): string => join(ctx.n8n.config.userFolder, '.n8n-files', 'e2e-contacts.csv');

const csvImport: ExampleCase = {
	listName: 'Example: Imported',
	standIns: { 'Read CSV File': { kind: 'parameters', parameters: (ctx) => ({ fileSelector: csvPath(ctx) }) } },
	before(ctx) {
		mkdirSync(dirname(csvPath(ctx)), { recursive: true });
		writeFileSync(csvPath(ctx), `${CSV}\n`);
		ctx.fake.seed.contact({ email_address: { address: 'ex-csv-explicit@example.com', permission_to_send: 'explicit' }, first_name: 'Ezra', list_memberships: [ctx.lists.newsletter.list_id] });
		ctx.fake.seed.contact({ email_address: { address: 'ex-csv-optout@example.com', permission_to_send: 'unsubscribed', opt_out_source: 'Contact' }, first_name: 'Olga' });
	},
	check(ctx, { requests, list, out }) {
		checkEqual(out('Extract Rows').length, 4, 'rows extracted from the CSV');
		const result = out('Constant Contact Import');
		checkEqual(result.length, 1, 'output items (one per import activity)');
		const summary = result[0]!.json;
		checkEqual(
			[summary.state, summary.contacts_sent, summary.items_total_count, summary.error_count, summary.cannot_add_to_list_count, summary.list_ids],
			['completed', 4, 4, 0, 1, [list.list_id]],
			'import summary [state, contacts_sent, items_total_count, error_count, cannot_add_to_list_count, list_ids]',
		);
		checkEqual(writes(requests).map((r) => `${r.method} ${r.path}`), ['POST /v3/activities/contacts_json_import'], 'writes (one bulk import)');

		for (const [email, first, last] of [['ex-csv-ivy@example.com', 'Ivy', 'Importer'], ['ex-csv-jon@example.com', 'Jon', 'Jonas']] as const) {
			const c = contactOrFail(ctx, email);
			checkEqual([c.first_name, c.last_name, c.email_address.permission_to_send, c.list_memberships], [first, last, 'implicit', [list.list_id]], `${email}: name, permission, lists`);
		}
		const ivy = contactOrFail(ctx, 'ex-csv-ivy@example.com');
		checkEqual([ivy.company_name, ivy.job_title], ['Acme', 'Buyer'], 'ex-csv-ivy@: company and job title');
		const explicit = contactOrFail(ctx, 'ex-csv-explicit@example.com');
		checkEqual(explicit.email_address.permission_to_send, 'explicit', 'existing explicit contact: permission kept');
		checkEqual([...explicit.list_memberships].sort(), [ctx.lists.newsletter.list_id, list.list_id].sort(), 'existing explicit contact: lists (appended)');
		const optout = contactOrFail(ctx, 'ex-csv-optout@example.com');
		checkEqual([optout.email_address.permission_to_send, optout.list_memberships], ['unsubscribed', []], 'unsubscribed contact: still unsubscribed, not added to the list');
	},
};

// ---------------------------------------------------------------------------------------------------
// trigger-to-crm.json: Constant Contact Trigger (Contact Unsubscribed, really polling the fake) → HubSpot

const UNSUBSCRIBED = 'ex-trigger-unsub@example.com';

const triggerToCrm: ExampleCase = {
	listName: 'Example: Trigger',
	startFrom: 'Constant Contact Trigger',
	standIns: { 'Update HubSpot Contact': { kind: 'record' } },
	before(ctx) {
		// The newest unsubscribe in the account (seeded last): what a manual run of the trigger returns.
		ctx.fake.seed.contact({
			email_address: { address: UNSUBSCRIBED, permission_to_send: 'unsubscribed', opt_out_source: 'Contact', opt_out_reason: 'Too many emails' },
			first_name: 'Uma',
			last_name: 'Unsub',
			list_memberships: [ctx.lists.newsletter.list_id],
		});
	},
	check(ctx, { requests, out }) {
		const contact = contactOrFail(ctx, UNSUBSCRIBED);
		const polled = out('Constant Contact Trigger');
		checkEqual(emails(polled), [UNSUBSCRIBED], 'trigger output (the newest unsubscribe)');
		const query = requests.find((r) => r.method === 'GET' && r.path === '/v3/contacts')?.query;
		check(query?.status === 'unsubscribed' && query.optout_after, `the trigger did not ask for GET /v3/contacts?status=unsubscribed&optout_after=… (${summarize(requests.filter(isApi))})`);
		checkEqual(writes(requests).length, 0, 'writes to Constant Contact by a trigger');
		checkEqual(
			out('Update HubSpot Contact').map((i) => i.json),
			[
				{
					email: UNSUBSCRIBED,
					properties: {
						firstname: 'Uma',
						lastname: 'Unsub',
						constant_contact_status: 'unsubscribed',
						constant_contact_opt_out_date: contact.email_address.opt_out_date,
					},
				},
			],
			'what would be sent to HubSpot',
		);
		checkEqual(contact.email_address.permission_to_send, 'unsubscribed', 'the contact in Constant Contact: still unsubscribed');
	},
};

// ---------------------------------------------------------------------------------------------------
// rss-to-campaign.json: RSS Feed Trigger → Create Draft Campaign → Send Test to Editor

/** A post as the RSS Feed Trigger emits it (rss-parser's item fields). */
const RSS_POSTS: Json[] = [
	{
		creator: 'Ada',
		title: 'Five <small> things for spring & summer',
		link: 'https://blog.example.com/spring',
		pubDate: 'Thu, 13 Aug 2026 09:00:00 GMT',
		content: '<p>Spring &amp; summer ideas.</p>',
		contentSnippet: 'Spring & summer ideas.',
		guid: 'https://blog.example.com/?p=42',
		isoDate: '2026-08-13T09:00:00.000Z',
	},
];

const rssToCampaign: ExampleCase = {
	listName: 'Example: Blog readers',
	standIns: { 'RSS Feed Trigger': { kind: 'trigger', items: () => RSS_POSTS } },
	check(ctx, { requests, list, out }) {
		const created = out('Create Draft Campaign');
		checkEqual(
			created.map((i) => [i.json.name, i.json.current_status, i.json.subject, i.json.from_email, i.json.contact_list_ids]),
			[['Blog: Five <small> things for spring & summer', 'Draft', 'Five <small> things for spring & summer', OWNER_EMAIL, [list.list_id]]],
			'the draft campaign [name, status, subject, from, lists]',
		);
		const activityId = String(created[0]!.json.primary_email_activity_id);
		const html = ctx.fake.state.campaignActivities.get(activityId)?.html_content ?? '';
		check(html.startsWith('<html><body>[[trackingImage]]<h1>Five &lt;small> things for spring &amp; summer</h1>'), `the campaign's HTML: ${html.slice(0, 120)}`);
		check(html.includes('<a href="https://blog.example.com/spring">'), 'the HTML links to the post');
		checkEqual(
			ctx.fake.state.testSends.filter((t) => t.campaign_activity_id === activityId).map((t) => [t.email_addresses, t.personal_message]),
			[[[OWNER_EMAIL], 'New post: https://blog.example.com/spring — review the draft, then schedule it.']],
			'the test sent to the editor [addresses, message]',
		);
		checkEqual(out('Send Test to Editor').map((i) => i.json.sent), [true], 'Send Test output');
		checkEqual(
			writes(requests).map((r) => `${r.method} ${r.path.replace(activityId, '{activity}')}`),
			['POST /v3/emails', 'PUT /v3/emails/activities/{activity}', 'POST /v3/emails/activities/{activity}/tests'],
			'writes (create, audience, test; nothing scheduled)',
		);
	},
};

// ---------------------------------------------------------------------------------------------------
// campaign-report-to-sheet.json: Schedule Trigger → Campaign Summaries → Google Sheets append

/** What the Schedule Trigger emits when it fires. */
const scheduleTick = (): Json[] => [
	{
		timestamp: '2026-08-14T06:00:00.000+00:00',
		'Readable date': 'August 14th 2026, 6:00:00 am',
		'Readable time': '6:00:00 am',
		'Day of week': 'Friday',
		Year: '2026',
		Month: 'August',
		'Day of month': '14',
		Hour: '06',
		Minute: '00',
		Second: '00',
		Timezone: 'UTC (UTC+00:00)',
	},
];

/** Two campaigns sent (through the fake's seam) to the example's list, with engagement. */
function seedSentCampaigns(ctx: Ctx, list: ListRecord): Array<{ id: string; name: string }> {
	const emails = ['ex-report-a@example.com', 'ex-report-b@example.com', 'ex-report-c@example.com'];
	for (const address of emails) ctx.fake.seed.contact({ email_address: { address }, list_memberships: [list.list_id] });
	return [
		{ name: 'Example report: June', at: '2026-06-01T10:00:00.000Z' },
		{ name: 'Example report: July', at: '2026-07-01T10:00:00.000Z' },
	].map(({ name, at }, i) => {
		const campaign = newCampaign(ctx.fake.state as unknown as FakeState, name, {
			format_type: 5,
			from_email: OWNER_EMAIL,
			from_name: 'Example',
			reply_to_email: OWNER_EMAIL,
			subject: name,
			html_content: '<html><body>[[trackingImage]]</body></html>',
		});
		const primary = ctx.fake.state.campaignActivities.get(campaign.activity_ids[0]!)!;
		primary.contact_list_ids = [list.list_id];
		primary.current_status = 'SCHEDULED';
		ctx.fake.campaigns.send(campaign.campaign_id, at);
		ctx.fake.campaigns.track(campaign.campaign_id, [
			{ type: 'open', email: emails[0]!, at },
			...(i === 1 ? [{ type: 'click' as const, email: emails[0]!, at }, { type: 'bounce' as const, email: emails[1]!, at }] : []),
		]);
		return { id: campaign.campaign_id, name };
	});
}

let reportCampaigns: Array<{ id: string; name: string }> = [];

const campaignReportToSheet: ExampleCase = {
	listName: 'Example: Report',
	standIns: { 'Every Night': { kind: 'trigger', items: scheduleTick }, 'Append to Sheet': { kind: 'record' } },
	before(ctx, list) {
		reportCampaigns = seedSentCampaigns(ctx, list);
	},
	check(_ctx, { requests, out }) {
		const rows = out('Append to Sheet').map((i) => i.json);
		const ours = reportCampaigns.map((c) => rows.find((r) => r.Campaign === c.name));
		checkEqual(
			ours.map((r) => r && [r.Campaign, r['Last Sent'], r.Sends, r.Opens, r.Clicks, r.Bounces, r['Opt-outs'], r['Not Opened']]),
			[
				['Example report: June', '2026-06-01T10:00:00.000Z', '3', '1', '0', '0', '0', '2'],
				['Example report: July', '2026-07-01T10:00:00.000Z', '3', '1', '1', '1', '0', '1'],
			],
			'the rows for the seeded campaigns [Campaign, Last Sent, Sends, Opens, Clicks, Bounces, Opt-outs, Not Opened]',
		);
		check(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(String(r.Date))), 'every row has the date');
		// Newest send first, as Constant Contact sorts the summaries.
		check(rows.indexOf(ours[1]!) < rows.indexOf(ours[0]!), 'July is listed before June');
		checkEqual(
			[...new Set(requests.filter((r) => isApi(r) && !isBouncePoll(r)).map((r) => `${r.method} ${r.path}`))],
			['GET /v3/reports/summary_reports/email_campaign_summaries', 'GET /v3/emails'],
			'requests (the summaries and the campaign names)',
		);
	},
};

// ---------------------------------------------------------------------------------------------------
// event-registration-to-sheet.json: Constant Contact Trigger (Event Registration, really polling the fake) → Google Sheets append

/** The event seeded for each example that names one (its placeholder), by file. */
const exampleEvents = new Map<string, EventRecord>();
const REGISTRATION_FILE = 'event-registration-to-sheet.json';

const eventRegistrationToSheet: ExampleCase = {
	listName: 'Example: Event',
	startFrom: 'New Registration',
	standIns: { 'Append to Sheet': { kind: 'record' } },
	before(ctx) {
		const event = exampleEvents.get(REGISTRATION_FILE)!;
		ctx.fake.seed.registration({ event_id: event.event_id, email_address: 'ex-event-old@example.com', first_name: 'Olga', registration_time: '2026-08-01T09:00:00.000Z' });
		// The newest registration (what a manual run of the trigger returns), paid, with an answer.
		ctx.fake.seed.registration({
			event_id: event.event_id,
			email_address: 'ex-event-new@example.com',
			first_name: 'Nia',
			last_name: 'Newcomer',
			registration_time: '2026-08-13T09:30:00.000Z',
			payment_status: 'PAID',
			total: 30,
			answers: { 'Dietary needs': 'vegan' },
		});
	},
	check(ctx, { requests, out }) {
		const event = exampleEvents.get(REGISTRATION_FILE)!;
		const registration = ctx.fake.state.registrations.find((r) => r.email_address === 'ex-event-new@example.com')!;
		checkEqual(out('New Registration').map((i) => i.json.email_address), ['ex-event-new@example.com'], 'trigger output (the newest registration)');
		checkEqual(
			out('Append to Sheet').map((i) => i.json),
			[
				{
					'Registered At': '2026-08-13T09:30:00.000Z',
					Email: 'ex-event-new@example.com',
					'First Name': 'Nia',
					'Last Name': 'Newcomer',
					Status: 'REGISTERED',
					Payment: 'PAID',
					Answers: 'First Name: Nia; Last Name: Newcomer; Email Address: ex-event-new@example.com; Dietary needs: vegan',
					'Registration ID': registration.registration_id,
				},
			],
			'the row that would be appended',
		);
		// Scenario 9's trigger polls its own event meanwhile: only this event's requests count here.
		const ours = requests.filter((r) => isApi(r) && r.path.includes(event.event_id));
		const track = `/v3/events/${event.event_id}/tracks/${event.tracks[0]}/registrations`;
		checkEqual(
			ours.map((r) => `${r.method} ${r.path}`),
			[`GET /v3/events/${event.event_id}`, `GET ${track}`, `GET ${track}/${registration.registration_id}`],
			'requests (the event for its default track, the registrations, the newest one\'s answers)',
		);
		checkEqual(writes(requests).length, 0, 'writes to Constant Contact by a trigger');
	},
};

const CASES: Record<string, ExampleCase> = {
	'event-registration-to-sheet.json': eventRegistrationToSheet,
	'form-signup.json': formSignup,
	'crm-account-sync.json': crmAccountSync,
	'csv-import.json': csvImport,
	'trigger-to-crm.json': triggerToCrm,
	'rss-to-campaign.json': rssToCampaign,
	'campaign-report-to-sheet.json': campaignReportToSheet,
};

// ---------------------------------------------------------------------------------------------------
// Building the runnable workflow from an example

/** HubSpot node (v2) Create or Update contact fields → the HubSpot property each one sets. */
const HUBSPOT_PROPERTIES: Record<string, string> = {
	firstName: 'firstname',
	lastName: 'lastname',
	companyName: 'company',
	jobTitle: 'jobtitle',
	phoneNumber: 'phone',
	city: 'city',
	country: 'country',
	websiteUrl: 'website',
	lifeCycleStage: 'lifecyclestage',
};

/** HubSpot Create or Update → a Set node that outputs `{ email, properties }` from the example's own expressions. */
function hubspotUpsertRecorder(node: WorkflowNode): Json {
	const p = node.parameters;
	check(p.resource === 'contact' && p.operation === 'upsert', `"${node.name}": only HubSpot contact Create or Update has a recording stand-in`);
	const fields = { ...((p.additionalFields as Json | undefined) ?? {}) };
	const custom = (fields.customPropertiesUi as { customPropertiesValues?: Array<{ property: string; value: string }> } | undefined)?.customPropertiesValues ?? [];
	delete fields.customPropertiesUi;
	const assignments: Array<{ name: string; value: unknown }> = [{ name: 'email', value: p.email }];
	for (const [field, value] of Object.entries(fields)) {
		const property = HUBSPOT_PROPERTIES[field];
		check(property, `"${node.name}": the HubSpot field "${field}" has no property in HUBSPOT_PROPERTIES`);
		assignments.push({ name: `properties.${property}`, value });
	}
	for (const { property, value } of custom) assignments.push({ name: `properties.${property}`, value });
	return {
		mode: 'manual',
		assignments: { assignments: assignments.map((a, i) => ({ id: `e2e-${i}`, name: a.name, value: a.value, type: 'string' })) },
		includeOtherFields: false,
		options: {},
	};
}

/** Google Sheets Append → a Set node that outputs the row it would append, from the example's own column expressions. */
function googleSheetsAppendRecorder(node: WorkflowNode): Json {
	const p = node.parameters;
	const columns = p.columns as { mappingMode?: string; value?: Record<string, unknown> } | undefined;
	check(p.operation === 'append' && columns?.mappingMode === 'defineBelow', `"${node.name}": only Google Sheets Append with columns mapped below has a recording stand-in`);
	return {
		mode: 'manual',
		assignments: {
			assignments: Object.entries(columns.value ?? {}).map(([name, value], i) => ({ id: `e2e-${i}`, name, value, type: 'string' })),
		},
		includeOtherFields: false,
		options: {},
	};
}

function codeNode(original: WorkflowNode, jsCode: string, note: string): WorkflowNode {
	return {
		id: original.id,
		name: original.name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: original.position,
		parameters: { jsCode },
		notes: note,
	};
}

export interface PreparedExample {
	file: string;
	workflowId: string;
	name: string;
	workflow: Json;
	exampleCase: ExampleCase;
	list: ListRecord;
}

function build(ctx: Ctx, file: string, exampleCase: ExampleCase, list: ListRecord): PreparedExample {
	const raw = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
	if (raw.includes(EVENT_PLACEHOLDER)) exampleEvents.set(file, ctx.fake.seed.event({ name: `Example event: ${file}` }));
	const filled = raw
		.replaceAll(EVENT_PLACEHOLDER, exampleEvents.get(file)?.event_id ?? EVENT_PLACEHOLDER)
		.replaceAll(LIST_PLACEHOLDER, list.list_id)
		.replaceAll(CREDENTIAL_PLACEHOLDER, ctx.credential.id)
		.replaceAll(EMAIL_PLACEHOLDER, OWNER_EMAIL);
	const left = /REPLACE-WITH-[A-Z-]+/.exec(filled);
	check(!left, `a placeholder the suite does not fill: ${left?.[0]}`);
	const example = JSON.parse(filled) as ExampleFile;

	for (const name of Object.keys(exampleCase.standIns)) {
		check(example.nodes.some((n) => n.name === name), `the stand-in for node "${name}" matches no node (renamed?)`);
	}
	const nodes: WorkflowNode[] = [];
	const connections = structuredClone(example.connections);
	let ourNodes = 0;
	for (const node of example.nodes) {
		const standIn = exampleCase.standIns[node.name];
		if (OUR_NODE_TYPE.test(node.type)) {
			check(!standIn, `"${node.name}" is a Constant Contact node: it runs as it is, without a stand-in`);
			ourNodes++;
			const credential = node.credentials?.[CREDENTIAL_TYPE];
			check(credential?.id === ctx.credential.id, `"${node.name}" has no ${CREDENTIAL_TYPE} credential with the placeholder id`);
			nodes.push({ ...node, credentials: { ...node.credentials, [CREDENTIAL_TYPE]: { id: ctx.credential.id, name: ctx.credential.name } } });
			continue;
		}
		if (!standIn) {
			check(RUNS_HERE.has(node.type), `node "${node.name}" (${node.type}) cannot run in the sandbox and has no stand-in in test/e2e/scenarios/examples.mts`);
			nodes.push(node);
			continue;
		}
		switch (standIn.kind) {
			case 'trigger': {
				check(!nodes.some((n) => n.name === STAND_IN_TRIGGER), 'more than one external trigger: `n8n execute` starts at one Manual Trigger');
				const items = standIn.items(node);
				nodes.push(codeNode(node, `return ${JSON.stringify(items)}.map((json) => ({ json }));`, `e2e stand-in for ${node.type}: sample items of its output`));
				nodes.push({ id: `${node.id}-manual`, name: STAND_IN_TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [node.position[0] - 220, node.position[1]], parameters: {} });
				connections[STAND_IN_TRIGGER] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
				break;
			}
			case 'service':
				nodes.push(codeNode(node, standIn.jsCode, `e2e stand-in for ${node.type}: what the service returns`));
				break;
			case 'record':
				check(node.type === 'n8n-nodes-base.hubspot' || node.type === 'n8n-nodes-base.googleSheets', `"${node.name}": no recording stand-in for ${node.type}`);
				nodes.push({
					id: node.id,
					name: node.name,
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					position: node.position,
					parameters: node.type === 'n8n-nodes-base.hubspot' ? hubspotUpsertRecorder(node) : googleSheetsAppendRecorder(node),
					notes: `e2e stand-in for ${node.type}: outputs what it would send`,
				});
				break;
			case 'parameters':
				check(RUNS_HERE.has(node.type), `"${node.name}" (${node.type}) cannot run in the sandbox`);
				nodes.push({ ...node, parameters: { ...node.parameters, ...standIn.parameters(ctx) } });
				break;
		}
	}
	check(ourNodes > 0, 'no Constant Contact node');
	if (exampleCase.startFrom) {
		const start = nodes.find((n) => n.name === exampleCase.startFrom);
		check(start && OUR_NODE_TYPE.test(start.type), `the example does not start with "${exampleCase.startFrom}"`);
	} else {
		check(nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger'), 'no Manual Trigger to start `n8n execute` from (and no stand-in trigger)');
	}

	// Workflow IDs: at most 21 characters, or `n8n execute --id` does not take them as IDs.
	const workflowId = `ex-${file.replace(/\.json$/, '')}`.slice(0, 21);
	return {
		file,
		workflowId,
		name: example.name,
		workflow: { ...example, id: workflowId, name: `example: ${example.name}`, active: false, nodes, connections, pinData: {} },
		exampleCase,
		list,
	};
}

/** Loads every examples/*.json, seeds its list and builds the workflow to import (a failure names the file). */
export function prepareExamples(ctx: Ctx): PreparedExample[] {
	const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort();
	check(files.length > 0, `no examples in ${EXAMPLES_DIR}`);
	const unknown = files.filter((f) => !CASES[f]);
	check(unknown.length === 0, `examples/${unknown.join(', examples/')}: no checks in test/e2e/scenarios/examples.mts (every example must run in the suite)`);
	const missing = Object.keys(CASES).filter((f) => !files.includes(f));
	check(missing.length === 0, `test/e2e/scenarios/examples.mts has checks for missing examples: ${missing.join(', ')}`);
	return files.map((file) => {
		try {
			return build(ctx, file, CASES[file]!, ctx.fake.seed.list({ name: CASES[file]!.listName }));
		} catch (error) {
			throw new Error(`examples/${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
		}
	});
}

// ---------------------------------------------------------------------------------------------------
// Running

/** The editor's *Execute workflow* from a trigger: a manual run in the n8n server, then its saved execution. */
async function runFromTrigger(ctx: Ctx, workflowId: string, trigger: string): Promise<ExecutedRun> {
	log(`  POST /rest/workflows/${workflowId}/run from "${trigger}" (manual mode: the trigger polls once)`);
	const t0 = Date.now();
	const { id, ...run } = await runManually(ctx, workflowId, { triggerToStartFrom: { name: trigger } });
	log(`  manual execution ${id} took ${((Date.now() - t0) / 1000).toFixed(1)} s, status ${run.status}`);
	if (run.data.resultData.error) throw new Error(`the execution failed: ${run.data.resultData.error.message}`);
	return run;
}

async function runExample(ctx: Ctx, example: PreparedExample): Promise<void> {
	const { exampleCase, list, workflowId } = example;
	exampleCase.before?.(ctx, list);
	const from = ctx.fake.requests.length;
	const run = exampleCase.startFrom ? await runFromTrigger(ctx, workflowId, exampleCase.startFrom) : (await execute(ctx, workflowId)).run;
	const requests = ctx.fake.requests.slice(from);
	log(`  requests: ${summarize(requests.filter(isApi))}`);
	// Every node ran (none was left without input), and none failed.
	const nodes = (example.workflow.nodes as WorkflowNode[]).filter((n) => n.type !== 'n8n-nodes-base.stickyNote').map((n) => n.name);
	const ran = Object.keys(run.data.resultData.runData);
	checkEqual(nodes.filter((n) => !ran.includes(n)), [], 'nodes that did not run');
	exampleCase.check(ctx, { run, requests, list, out: (node) => nodeOutput(run, node) });
	ctx.fake.assertNoContractViolations();
}

export async function runExamples(ctx: Ctx, examples: PreparedExample[]): Promise<void> {
	for (const example of examples) {
		const how = example.exampleCase.startFrom ? `manual run from "${example.exampleCase.startFrom}"` : 'n8n execute';
		await step(`example examples/${example.file} ("${example.name}", ${how})`, async () => await runExample(ctx, example));
	}
}
