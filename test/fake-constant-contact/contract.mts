// Validation of API requests and responses against Constant Contact's own swagger-v3.yaml.
// Unknown properties are caught by validating against copies of the schemas in which every object
// with `properties` and no `additionalProperties` gets `additionalProperties: false`.
// Validators are compiled once per operation; the swagger is loaded once per process.
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;

interface ParamDef {
	name: string;
	in: string;
	type?: string;
	format?: string;
	enum?: unknown[];
	maximum?: number;
	minimum?: number;
	maxLength?: number;
	minLength?: number;
	required?: boolean;
	items?: Schema;
	schema?: Schema;
}

interface OperationDef {
	parameters?: ParamDef[];
	security?: Array<Record<string, string[]>>;
	responses?: Record<string, { schema?: Schema }>;
}

interface SwaggerDoc {
	paths: Record<string, Record<string, OperationDef>>;
	definitions: Record<string, Schema>;
}

type ParamKind = 'integer' | 'number' | 'boolean' | 'list' | 'string';

interface CompiledOperation {
	query: ValidateFunction;
	kinds: Map<string, ParamKind>;
	path: ValidateFunction;
	pathKinds: Map<string, ParamKind>;
	body?: ValidateFunction;
	bodyRequired: boolean;
	responses: Map<string, ValidateFunction | null>;
}

// QUIRK: the collection GETs paginate with `cursor` (their own `_links.next.href` carries it) but the
// swagger declares no `cursor` parameter for them ("Follow the href verbatim"). Accept it there and
// nowhere else.
const CURSOR_PATHS = new Set([
	'/contacts',
	'/contact_lists',
	'/contact_tags',
	'/contact_custom_fields',
	'/emails',
	'/segments',
	'/reports/summary_reports/email_campaign_summaries',
	'/reports/contact_reports/{contact_id}/activity_details',
	...['sends', 'opens', 'unique_opens', 'didnotopens', 'clicks', 'forwards', 'optouts', 'bounces'].map(
		(t) => `/reports/email_reports/{campaign_activity_id}/tracking/${t}`,
	),
]);

/**
 * Where the contract's own prose allows what its schema keywords forbid. Each entry names the
 * swagger lines that say so; everything else is validated as the schema is written.
 */
const BODY_ALLOWANCES: Record<string, (schema: Schema) => Schema> = {
	// EmailScheduleInput.scheduled_date is `format: date-time`, but its description says
	// "<code>2022-05-17</code> and <code>2022-05-17T16:37:59.091Z</code> are valid dates. Use
	// <code>"0"</code> as the date to have Constant Contact immediately send" (L14563-14568).
	'POST /emails/activities/{campaign_activity_id}/schedules': (schema) => ({
		...schema,
		properties: {
			...(schema.properties as Record<string, Schema>),
			scheduled_date: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'string', format: 'date' }, { const: '0' }] },
		},
	}),
};

// Statuses the README documents for every endpoint although most operations do not declare them.
const GENERAL_STATUSES = new Set(['401', '403', '413', '415', '429', '500', '503']);

/**
 * The contract: CC_SWAGGER when set, else the verbatim copy kept beside this file (its sha256 is
 * checked by contract.test.ts), so that a clone of the repository tests on its own.
 */
export function swaggerPath(): string {
	if (process.env.CC_SWAGGER) return process.env.CC_SWAGGER;
	return fileURLToPath(new URL('./swagger-v3.yaml', import.meta.url));
}

const loaded = new Map<string, Promise<Contract>>();

/** Loads (once per path and process) and dereferences the swagger. */
export function loadContract(path = swaggerPath()): Promise<Contract> {
	let p = loaded.get(path);
	if (!p) {
		p = (SwaggerParser.dereference(path) as Promise<unknown>).then((doc) => new Contract(doc as SwaggerDoc));
		loaded.set(path, p);
	}
	return p;
}

export interface RequestCheck {
	/** CC-style messages naming the field, for the 400 body and the violation log. */
	errors: string[];
}

export class Contract {
	private readonly doc: SwaggerDoc;
	private readonly ajv: Ajv;
	private readonly ops = new Map<string, CompiledOperation>();
	private readonly errorArray: ValidateFunction;
	private readonly errorObject: ValidateFunction;

	constructor(doc: SwaggerDoc) {
		this.doc = doc;
		this.ajv = new Ajv({ strict: false, allErrors: true, verbose: true, logger: false, validateSchema: false });
		addFormats(this.ajv);
		this.errorArray = this.ajv.compile(strictCopy(doc.definitions.APIErrorSchema!));
		this.errorObject = this.ajv.compile(strictCopy(doc.definitions.AuthorizationErrorSchema!));
	}

	hasOperation(method: string, template: string): boolean {
		return Boolean(this.doc.paths[template]?.[method.toLowerCase()]);
	}

	/** The OAuth scopes the operation's `security` entry names (each flow repeats them once). */
	scopes(method: string, template: string): string[] {
		const def = this.doc.paths[template]?.[method.toLowerCase()];
		return [...new Set((def?.security ?? []).flatMap((entry) => Object.values(entry).flat()))];
	}

	validateRequest(method: string, template: string, query: Record<string, string>, body: unknown, params: Record<string, string> = {}): RequestCheck {
		const op = this.compiled(method, template);
		const errors: string[] = [];
		const path: Record<string, unknown> = {};
		for (const [name, value] of Object.entries(params)) path[name] = coerce(value, op.pathKinds.get(name));
		if (!op.path(path)) {
			for (const e of op.path.errors ?? []) errors.push(`path parameter ${e.instancePath.split('/')[1] ?? '?'} does not have a valid value (${describe(e)})`);
		}
		const coerced: Record<string, unknown> = {};
		for (const [name, value] of Object.entries(query)) coerced[name] = coerce(value, op.kinds.get(name));
		if (!op.query(coerced)) {
			for (const e of op.query.errors ?? []) {
				if (e.keyword === 'additionalProperties') errors.push(`${String(e.params.additionalProperty)} is not a supported query parameter`);
				else if (e.keyword === 'required') errors.push(`${String(e.params.missingProperty)} is a required query parameter`);
				else errors.push(`${e.instancePath.split('/')[1] ?? '?'} does not have a valid value (${describe(e)})`);
			}
		}
		if (op.body) {
			if (body === undefined) {
				if (op.bodyRequired) errors.push('#: the request body is required');
			} else if (!op.body(body)) {
				errors.push(...(op.body.errors ?? []).map(describe));
			}
		}
		return { errors: dedupe(errors) };
	}

	/** Returns the ways the response breaks the contract (empty when it conforms). */
	validateResponse(method: string, template: string, status: number, body: unknown): string[] {
		const op = this.compiled(method, template);
		const code = String(status);
		if (!op.responses.has(code) && !GENERAL_STATUSES.has(code)) return [`status ${code} is not declared for this operation`];
		const v = op.responses.get(code);
		if (v) return v(body) ? [] : dedupe((v.errors ?? []).map(describe));
		if (status < 400) return body === undefined ? [] : [`status ${code} declares no body but one was sent`];
		// Error statuses carry no schema in the operations; check the shapes the README documents.
		const shape = status === 401 || status === 429 ? this.errorObject : this.errorArray;
		return shape(body) ? [] : dedupe((shape.errors ?? []).map(describe));
	}

	private compiled(method: string, template: string): CompiledOperation {
		const key = `${method.toUpperCase()} ${template}`;
		let op = this.ops.get(key);
		if (!op) {
			op = this.compile(method, template);
			this.ops.set(key, op);
		}
		return op;
	}

	private compile(method: string, template: string): CompiledOperation {
		const def = this.doc.paths[template]?.[method.toLowerCase()];
		if (!def) throw new Error(`contract: no operation ${key(method, template)} in the swagger`);
		const params = [...(def.parameters ?? [])];
		if (method.toUpperCase() === 'GET' && CURSOR_PATHS.has(template)) params.push({ name: 'cursor', in: 'query', type: 'string' });
		const properties: Record<string, Schema> = {};
		const required: string[] = [];
		const kinds = new Map<string, ParamKind>();
		for (const p of params.filter((x) => x.in === 'query')) {
			const { schema, kind } = paramSchema(p);
			properties[p.name] = schema;
			kinds.set(p.name, kind);
			if (p.required) required.push(p.name);
		}
		const pathProperties: Record<string, Schema> = {};
		const pathKinds = new Map<string, ParamKind>();
		for (const p of params.filter((x) => x.in === 'path')) {
			const { schema, kind } = paramSchema(p);
			pathProperties[p.name] = schema;
			pathKinds.set(p.name, kind);
		}
		const bodyParam = params.find((p) => p.in === 'body');
		const responses = new Map<string, ValidateFunction | null>();
		for (const [code, r] of Object.entries(def.responses ?? {})) responses.set(code, r.schema ? this.ajv.compile(strictCopy(r.schema)) : null);
		const allowance = BODY_ALLOWANCES[key(method, template)];
		const bodySchema = bodyParam?.schema ? strictCopy(bodyParam.schema) : undefined;
		return {
			query: this.ajv.compile({ type: 'object', properties, required, additionalProperties: false }),
			kinds,
			path: this.ajv.compile({ type: 'object', properties: pathProperties }),
			pathKinds,
			body: bodySchema ? this.ajv.compile(allowance ? allowance(bodySchema) : bodySchema) : undefined,
			bodyRequired: Boolean(bodyParam?.required),
			responses,
		};
	}
}

const key = (method: string, template: string): string => `${method.toUpperCase()} ${template}`;
const dedupe = (xs: string[]): string[] => [...new Set(xs)];

function paramSchema(p: ParamDef): { schema: Schema; kind: ParamKind } {
	if (p.type === 'integer' || p.type === 'number') {
		// QUIRK: GET /contact_tags gives its integer `limit` maxLength/minLength; read them as maximum/minimum.
		const schema: Schema = { type: p.type };
		const max = p.maximum ?? p.maxLength;
		const min = p.minimum ?? p.minLength;
		if (max !== undefined) schema.maximum = max;
		if (min !== undefined) schema.minimum = min;
		return { schema, kind: p.type };
	}
	if (p.type === 'boolean') return { schema: { type: 'boolean' }, kind: 'boolean' };
	// QUIRK: the tracking and contact reports declare `limit` a string with numeric `minimum`/`maximum`
	// ("The number of tracking activities to return on a page", 1-500). Check it as the number it is.
	if (p.type === 'string' && p.name === 'limit' && (p.maximum !== undefined || p.minimum !== undefined)) {
		const schema: Schema = { type: 'integer' };
		if (p.maximum !== undefined) schema.maximum = p.maximum;
		if (p.minimum !== undefined) schema.minimum = p.minimum;
		return { schema, kind: 'integer' };
	}
	const item: Schema = { type: 'string' };
	if (p.enum) item.enum = p.enum;
	// QUIRK: `tracking_activities_list` is a string whose allowed values sit in `items.enum` (its text:
	// "a comma-delimited list"). Each comma-separated value is checked against that enum.
	if (p.type === 'string' && p.format === 'csv' && p.items?.enum) item.enum = p.items.enum as unknown[];
	if (p.format && p.format !== 'csv') item.format = p.format;
	// QUIRK: comma lists are `format: csv`; `lists`/`tags`/`segment_id` instead put their maximum ITEM
	// COUNT in `maximum` on a string. Both become arrays of the comma-separated values.
	if (p.format === 'csv' || p.maximum !== undefined || p.type === 'array') {
		const items = p.type === 'array' ? { ...(p.items ?? {}) } : item;
		const schema: Schema = { type: 'array', items, minItems: 1 };
		if (p.maximum !== undefined) schema.maxItems = p.maximum;
		return { schema, kind: 'list' };
	}
	if (p.maxLength !== undefined) item.maxLength = p.maxLength;
	if (p.minLength !== undefined) item.minLength = p.minLength;
	return { schema: item, kind: 'string' };
}

function coerce(value: string, kind: ParamKind | undefined): unknown {
	switch (kind) {
		case 'integer':
			return /^-?\d+$/.test(value) ? Number(value) : value;
		case 'number':
			return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
		case 'boolean':
			return value === 'true' ? true : value === 'false' ? false : value;
		case 'list':
			return value.split(',').map((s) => s.trim());
		default:
			return value;
	}
}

/**
 * Deep copy of a dereferenced schema with `additionalProperties: false` on every object that lists
 * its properties. Shared sub-schemas are copied once; a cycle becomes `{}` (the operations the fake
 * serves have none, but the swagger does elsewhere).
 */
export function strictCopy(schema: Schema, done = new Map<object, Schema>(), path = new Set<object>()): Schema {
	const prior = done.get(schema);
	if (prior) return prior;
	if (path.has(schema)) return {};
	path.add(schema);
	const out: Schema = {};
	for (const [k, v] of Object.entries(schema)) {
		if (k === 'example' || k === 'discriminator' || k.startsWith('x-')) continue;
		// QUIRK: ListActivityRemoveContacts gives its arrays `maxItems: 0` (its text says up to 500 contacts,
		// 50 lists), and so does CustomFieldId100 (POST /activities/custom_fields_delete: "up to 100 custom
		// fields", L1259): both would reject every real request. Read 0 as "no maximum"; the fake checks the documented ones.
		if (k === 'maxItems' && v === 0) continue;
		if ((k === 'properties' || k === 'patternProperties') && isObj(v)) {
			out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, isObj(s) ? strictCopy(s, done, path) : s]));
		} else if ((k === 'items' || k === 'additionalProperties' || k === 'not') && isObj(v)) {
			out[k] = strictCopy(v, done, path);
		} else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf' || k === 'items') && Array.isArray(v)) {
			out[k] = v.map((s: unknown) => (isObj(s) ? strictCopy(s, done, path) : s));
		} else {
			out[k] = v;
		}
	}
	const props = out.properties as Record<string, Schema> | undefined;
	if (props && out.additionalProperties === undefined && !out.allOf) {
		if (props['cf:custom_field_name']) {
			// QUIRK: JsonImportContact documents custom fields as the literal key `cf:custom_field_name`
			// while real rows carry `cf:<name>` for any field name; and it spells `home country` with a
			// space next to `home_zip`, `work_country`, ... Accept `cf:*` and `home_country` too.
			const cf = props['cf:custom_field_name'];
			delete props['cf:custom_field_name'];
			out.patternProperties = { '^cf:.+$': cf };
			if (props['home country'] && !props.home_country) props.home_country = props['home country'];
		}
		out.additionalProperties = false;
	}
	path.delete(schema);
	done.set(schema, out);
	return out;
}

const isObj = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonType(v: unknown): string {
	if (v === null) return 'Null';
	if (Array.isArray(v)) return 'JSONArray';
	if (typeof v === 'object') return 'JSONObject';
	if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'BigDecimal';
	return typeof v === 'string' ? 'String' : 'Boolean';
}

/** Formats an ajv error the way Constant Contact's (everit) validator words it: `#/field: ...`. */
export function describe(e: ErrorObject): string {
	const ptr = `#${e.instancePath}`;
	const p = e.params as Record<string, unknown>;
	const data = e.data;
	switch (e.keyword) {
		case 'additionalProperties':
			return `${ptr}: extraneous key [${String(p.additionalProperty)}] is not permitted`;
		case 'required':
			return `${ptr}: required key [${String(p.missingProperty)}] not found`;
		case 'maxLength':
		case 'minLength':
			return `${ptr}: expected ${e.keyword}: ${String(p.limit)}, actual: ${typeof data === 'string' ? data.length : '?'}`;
		case 'maxItems':
			return `${ptr}: expected maximum item count: ${String(p.limit)}, found: ${Array.isArray(data) ? data.length : '?'}`;
		case 'minItems':
			return `${ptr}: expected minimum item count: ${String(p.limit)}, found: ${Array.isArray(data) ? data.length : '?'}`;
		case 'type':
			return `${ptr}: expected type: ${String(p.type)}, found: ${jsonType(data)}`;
		case 'enum':
			return `${ptr}: ${JSON.stringify(data)} is not a valid enum value`;
		case 'format':
			return `${ptr}: [${String(data)}] is not a valid ${String(p.format)}`;
		case 'maximum':
			return `${ptr}: ${String(data)} is not less or equal to ${String(p.limit)}`;
		case 'minimum':
			return `${ptr}: ${String(data)} is not greater or equal to ${String(p.limit)}`;
		default:
			return `${ptr}: ${e.message ?? e.keyword}`;
	}
}
