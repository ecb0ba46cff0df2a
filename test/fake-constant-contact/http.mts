// Small HTTP I/O helpers shared by the authorization server and the API.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const sleep = (ms: number): Promise<void> =>
	ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

export interface RawBody {
	bytes: number;
	text: string;
	/** True when the body reached `limit`; the rest was drained, not kept. */
	tooLarge: boolean;
}

/** Reads the body up to `limit` bytes and drains the rest, so an early 413 still reaches the client. */
export function readBody(req: IncomingMessage, limit: number): Promise<RawBody> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let bytes = 0;
		req.on('data', (chunk: Buffer) => {
			bytes += chunk.length;
			if (bytes < limit) chunks.push(chunk);
		});
		req.on('end', () => resolve({ bytes, text: bytes < limit ? Buffer.concat(chunks).toString('utf8') : '', tooLarge: bytes >= limit }));
		req.on('error', reject);
	});
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	if (res.destroyed) return;
	if (body === undefined) {
		res.writeHead(status, headers);
		res.end();
		return;
	}
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
	res.end(text);
}

/** A text body (the contact export's CSV) in chunks, as a large file download arrives. */
export function sendText(res: ServerResponse, status: number, text: string, contentType: string): void {
	if (res.destroyed) return;
	res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(text)) });
	const CHUNK = 64 * 1024;
	for (let at = 0; at < text.length; at += CHUNK) res.write(text.slice(at, at + CHUNK));
	res.end();
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
	res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
	res.end(html);
}

/** Destroys the connection without an answer: what a client sees when the network fails. */
export function dropConnection(req: IncomingMessage, res: ServerResponse): void {
	res.destroy();
	req.socket.destroy();
}

export function mediaType(req: IncomingMessage): string {
	return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The query as name → value. A repeated parameter (`bounce_code=B&bounce_code=D`, the contract's
 * `collectionFormat: multi`) keeps every value, joined with commas as a csv parameter would be.
 */
export function queryObject(params: URLSearchParams): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of params) out[k] = k in out ? `${out[k]},${v}` : v;
	return out;
}
