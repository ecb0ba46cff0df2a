/**
 * The in-process stand-in for the end-to-end suite's hosts file: the node always addresses
 * `https://api.cc.email`, and n8n's own outbound HTTP client (n8n-core's `OutboundHttp`, the one
 * every `helpers.httpRequest` goes through after n8n has signed the request) delivers each origin
 * the tests route to a loopback server instead. Nothing in the package knows about it.
 *
 * Every request the node makes through n8n is recorded with the origin it asked for, so a test can
 * assert where the token went. An origin with no route never reaches the network: the request
 * fails as if the host did not resolve, and is recorded all the same.
 */
import { createRequire } from 'node:module';

import type { IHttpRequestOptions } from 'n8n-workflow';

// n8n-core's own copies of its DI container and HTTP client, so the override is the one it uses.
const fromHere = createRequire(import.meta.url);
const fromCore = createRequire(fromHere.resolve('n8n-core'));
const { Container } = fromCore('@n8n/di') as typeof import('@n8n/di');
const { OutboundHttp } = fromCore('@n8n/backend-network') as typeof import('@n8n/backend-network');

export const API_ORIGIN = 'https://api.cc.email';

export interface OutboundRequest {
	method: string;
	/** The URL as the node (through n8n) asked for it, before routing. */
	url: string;
	origin: string;
	/** Whether it carried an Authorization header (the bearer token). */
	authorization: boolean;
	/** Where it was delivered; undefined when no route existed. */
	deliveredTo?: string;
}

const routes = new Map<string, string>();

/** Every request n8n's client was asked to send since the last `clearOutbound()`. */
export const outbound: OutboundRequest[] = [];

export function clearOutbound(): void {
	outbound.length = 0;
}

/** Requests for `origin` (e.g. `https://api.cc.email`) go to `target` (e.g. `http://127.0.0.1:40123`). */
export function routeOrigin(origin: string, target: string): void {
	installRouting();
	routes.set(new URL(origin).origin, new URL(target).origin);
}

export function unrouteOrigin(origin: string): void {
	routes.delete(new URL(origin).origin);
}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

function reroute(options: IHttpRequestOptions): IHttpRequestOptions {
	const asked = options.baseURL ? new URL(options.url, options.baseURL) : new URL(options.url);
	const headers = (options.headers ?? {}) as Record<string, unknown>;
	const record: OutboundRequest = {
		method: String(options.method ?? 'GET').toUpperCase(),
		url: asked.href,
		origin: asked.origin,
		authorization: Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'),
	};
	outbound.push(record);
	const target = routes.get(asked.origin) ?? (isLoopback(asked) ? asked.origin : undefined);
	if (!target) {
		throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${asked.hostname} (test network: no route for ${asked.origin})`), {
			code: 'ENOTFOUND',
		});
	}
	record.deliveredTo = target;
	const { baseURL: _baseURL, ...rest } = options;
	void _baseURL;
	return { ...rest, url: `${target}${asked.pathname}${asked.search}` };
}

let installed = false;

/** Puts the routing client in front of n8n-core's own, once per process. */
export function installRouting(): void {
	if (installed) return;
	installed = true;
	const real = Container.get(OutboundHttp);
	const routed = Object.create(real) as InstanceType<typeof OutboundHttp>;
	routed.requests = (clientOptions) => {
		const client = real.requests(clientOptions);
		return {
			...client,
			request: (async (requestOptions: IHttpRequestOptions) => await client.request(reroute(requestOptions))) as typeof client.request,
		};
	};
	Container.set(OutboundHttp, routed);
}
