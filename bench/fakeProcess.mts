/**
 * The fake Constant Contact in a process of its own, for `npm run bench -- --processes N`: the node
 * processes reach it over loopback, and the benchmark drives it over IPC (tokens, the request log,
 * the contacts it holds), so the node processes' CPU time is theirs alone.
 */
import { startFakeConstantContact } from '../test/fake-constant-contact/server.mts';
import type { FakeOptions } from '../test/fake-constant-contact/server.mts';

export type FakeCommand = { id: number } & ({ cmd: 'issueTokens' } | { cmd: 'requests' } | { cmd: 'contacts' } | { cmd: 'close' });

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
