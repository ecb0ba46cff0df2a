// Helpers for the fake's own tests: plain fetch against the fake, JSON in and out.
import type { FakeConstantContact } from './types.mts';

export interface Reply {
	status: number;
	body: any; // tests poke at JSON freely
	headers: Headers;
}

/** Calls the API. `path` is relative to /v3 (`/contacts`) or a next href (`/v3/contacts?cursor=...`). */
export async function api(
	fake: FakeConstantContact,
	token: string | undefined,
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<Reply> {
	const url = `${fake.url}${path.startsWith('/v3/') ? path : `/v3${path}`}`;
	const h: Record<string, string> = { ...headers };
	if (token) h.authorization = `Bearer ${token}`;
	let payload: string | undefined;
	if (body !== undefined) {
		payload = typeof body === 'string' ? body : JSON.stringify(body);
		h['content-type'] ??= 'application/json';
	}
	const res = await fetch(url, { method, headers: h, body: payload });
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** POSTs a form to the token endpoint, with HTTP Basic when a secret is given. */
export async function tokenRequest(
	fake: FakeConstantContact,
	form: Record<string, string>,
	basic?: { id: string; secret: string },
): Promise<Reply> {
	const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
	if (basic) headers.authorization = `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}`;
	const res = await fetch(fake.tokenUrl, { method: 'POST', headers, body: new URLSearchParams(form).toString() });
	return { status: res.status, body: await res.json(), headers: res.headers };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn();
		if (ok(v) || Date.now() > end) return v;
		await sleep(25);
	}
}
