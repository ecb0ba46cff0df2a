// What every API handler receives, and the route table entry type.
import type { FakeCore } from '../core.mts';
import type { ApiResult } from '../errors.mts';

export interface ApiContext {
	core: FakeCore;
	method: string;
	/** Path parameters of the matched template, e.g. { contact_id }. */
	params: Record<string, string>;
	query: Record<string, string>;
	/** Parsed JSON body, undefined when none was sent. */
	body: unknown;
	clientId: string;
	scopes: string[];
}

export type Handler = (ctx: ApiContext) => ApiResult | Promise<ApiResult>;

export interface Route {
	method: string;
	/** Path template as in the swagger, relative to /v3. */
	template: string;
	/** OAuth scope the token must carry; undefined when the swagger asks for none. */
	scope?: string;
	handler: Handler;
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
