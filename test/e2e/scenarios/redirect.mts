// A redirect answered in place of the API: n8n follows redirects and sends the credential across
// origins by default, so a 302 from anything in front of api.cc.email would carry the bearer token
// away. Here the fake answers List → Get Many and Contact → Get Many with redirects to
// https://evil.example, which the hosts file maps to 127.0.0.2, where a recorder with a certificate
// n8n trusts answers like Constant Contact would. Both items must end with the node's redirect error
// and the recorder must receive nothing.
import { createServer } from 'node:https';

import type { Ctx } from '../lib/context.mts';
import { execute } from '../lib/context.mts';
import { check, checkEqual, log } from '../lib/log.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { ATTACKER_ADDRESS, ATTACKER_HOST } from '../lib/tls.mts';
import { CC_NODE, workflow } from '../lib/workflows.mts';

const READS = [
	{ id: 'e2eRedirectLists', resource: 'list', path: '/v3/contact_lists', via: 'List → Get Many' },
	{ id: 'e2eRedirectContacts', resource: 'contact', path: '/v3/contacts', via: 'Contact → Get Many' },
];

export function redirectWorkflows(ctx: Ctx, nodeType: string): Array<Record<string, unknown>> {
	return READS.map((read) =>
		workflow({
			id: read.id,
			name: `e2e: ${read.via} meets a redirect to another host`,
			sourceName: 'Start (stand-in)',
			items: [{}],
			parameters: { resource: read.resource, operation: 'getAll', returnAll: false, limit: 5 },
			credential: ctx.credential,
			nodeType,
			continueOnFail: true,
		}),
	);
}

/** What reached the attacker's host: nothing, if the node is right. */
async function startRecorder(tls: { key: string; cert: string }): Promise<{ received: string[]; close: () => Promise<void> }> {
	const received: string[] = [];
	const server = createServer(tls, (req, res) => {
		received.push(`${req.method} ${req.url} authorization=${req.headers.authorization ? 'yes' : 'no'}`);
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ lists: [{ list_id: 'evil', name: 'From the attacker' }], contacts: [], _links: {} }));
	});
	await new Promise<void>((resolve, reject) => server.once('error', reject).listen(443, ATTACKER_ADDRESS, resolve));
	return { received, close: async () => await new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function redirectRefused(ctx: Ctx, tls: { key: string; cert: string }): Promise<void> {
	const recorder = await startRecorder(tls);
	try {
		for (const read of READS) {
			ctx.fake.injectFault({ method: 'GET', path: read.path, status: 302, headers: { location: `https://${ATTACKER_HOST}${read.path}` }, times: 1 });
			const { run, requests } = await execute(ctx, read.id);
			const out = nodeOutput(run, CC_NODE);
			checkEqual(out.length, 1, `${read.via}: one error item`);
			const message = String(out[0]!.json.error ?? '');
			log(`  ${read.via}: ${message}`);
			check(message.includes(`redirect (302) to https://${ATTACKER_HOST}`), `${read.via}: expected the redirect error, got ${JSON.stringify(out[0]!.json).slice(0, 300)}`);
			checkEqual(requests.filter((r) => r.path.startsWith('/v3/')).length, 1, `${read.via}: API requests (the redirect is not retried)`);
		}
		checkEqual(recorder.received, [], `requests that reached ${ATTACKER_HOST}`);
	} finally {
		await recorder.close();
	}
}
