/**
 * The fake Constant Contact in a process of its own, for `npm run bench -- --processes N`: the node
 * processes reach it over loopback, and the benchmark drives it over IPC (tokens, the request log,
 * the contacts it holds), so the node processes' CPU time is theirs alone.
 */
import { randomUUID } from 'node:crypto';

import { startFakeConstantContact } from '../test/fake-constant-contact/server.mts';
import type { FakeOptions } from '../test/fake-constant-contact/server.mts';

export type FakeCommand = { id: number } & (
	| { cmd: 'issueTokens' }
	| { cmd: 'requests' }
	| { cmd: 'contacts' }
	| { cmd: 'close' }
	/** Stores `count` contacts (on one list, every tenth unsubscribed), for `--export`. */
	| { cmd: 'seedContacts'; count: number }
);

/** What issueTokens answers: the tokens, and the grant they belong to (log entries name it). */
export interface IssuedTokens {
	tokens: Record<string, unknown>;
	grantId: string;
}

export interface LoggedRequest {
	method: string;
	path: string;
	status: number;
	receivedAt: number;
	grantId?: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as FakeOptions;
const fake = await startFakeConstantContact(options);
const send = (message: unknown): void => {
	process.send?.(message);
};

process.on('message', (message: FakeCommand) => {
	void (async () => {
		switch (message.cmd) {
			case 'issueTokens': {
				const tokens = await fake.issueTokens();
				const result: IssuedTokens = { tokens: { ...tokens }, grantId: (await fake.grantOf(tokens.access_token))! };
				return send({ id: message.id, result });
			}
			case 'requests':
				return send({
					id: message.id,
					result: fake.requests.map((r): LoggedRequest => ({ method: r.method, path: r.path, status: r.status, receivedAt: r.receivedAt, grantId: r.grantId })),
				});
			case 'seedContacts': {
				const list = fake.seed.list({ name: 'Bench' });
				// The seeder checks each address against every stored contact (quadratic at 100,000); these
				// addresses are unique by construction, so each record is the seeder's first one, copied.
				const template = fake.seed.contact({
					email_address: { address: 'e0@example.com', permission_to_send: 'unsubscribed' },
					first_name: 'First0',
					last_name: 'Last0',
					company_name: 'Example, Inc.',
					list_memberships: [list.list_id],
				});
				const unsubscribed = template.email_address;
				const implicit = { ...unsubscribed, permission_to_send: 'implicit' as const, opt_in_source: 'Account', opt_in_date: unsubscribed.created_at };
				delete implicit.opt_out_source;
				delete implicit.opt_out_date;
				delete implicit.opt_out_reason;
				for (let i = 1; i < message.count; i++) {
					const contact = structuredClone(template);
					contact.contact_id = randomUUID();
					contact.email_address = { ...(i % 10 === 0 ? unsubscribed : implicit), address: `e${i}@example.com` };
					contact.first_name = `First${i}`;
					contact.last_name = `Last${i}`;
					fake.state.contacts.set(contact.contact_id, contact);
				}
				return send({ id: message.id, result: fake.state.contacts.size });
			}
			case 'contacts':
				return send({ id: message.id, result: [...fake.state.contacts.values()].map((c) => c.email_address.address) });
			case 'close':
				send({ id: message.id, result: fake.contractViolations.slice(0, 20) });
				await fake.close();
				process.exit(0);
		}
	})();
});
send({ ready: { authorizeUrl: fake.authorizeUrl, tokenUrl: fake.tokenUrl, apiBaseUrl: fake.apiBaseUrl } });
