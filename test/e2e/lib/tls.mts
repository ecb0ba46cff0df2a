// A throwaway certificate authority and one server certificate for the hosts the node and the
// credential talk to. n8n trusts the CA through NODE_EXTRA_CA_CERTS, so neither n8n nor the node is
// told to skip TLS verification.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FAKE_HOSTS = ['api.cc.email', 'authz.constantcontact.com'];

/** A host to redirect to, served by the redirect scenario's recorder: what reaches it has leaked. */
export const ATTACKER_HOST = 'evil.example';
export const ATTACKER_ADDRESS = '127.0.0.2';

export interface TestPki {
	caCertFile: string;
	key: string;
	cert: string;
}

export function makeTestPki(dir: string): TestPki {
	const f = (name: string): string => join(dir, name);
	const openssl = (...args: string[]): void => {
		execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
	};
	const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	openssl('req', '-x509', ...ec, '-keyout', f('ca.key'), '-out', f('ca.crt'), '-days', '2',
		'-subj', '/CN=n8n-nodes-constant-contact e2e test CA',
		'-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
	openssl('req', ...ec, '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', `/CN=${FAKE_HOSTS[0]}`);
	writeFileSync(
		f('server.ext'),
		[
			`subjectAltName=${[...FAKE_HOSTS, ATTACKER_HOST].map((h) => `DNS:${h}`).join(',')}`,
			'basicConstraints=CA:FALSE',
			'keyUsage=critical,digitalSignature,keyEncipherment',
			'extendedKeyUsage=serverAuth',
		].join('\n'),
	);
	openssl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial',
		'-out', f('server.crt'), '-days', '2', '-extfile', f('server.ext'));
	return { caCertFile: f('ca.crt'), key: readFileSync(f('server.key'), 'utf8'), cert: readFileSync(f('server.crt'), 'utf8') };
}

/** /etc/hosts for inside the namespaces: the Constant Contact hosts (and the attacker's) are this machine. */
export function hostsFile(): string {
	return [
		'127.0.0.1 localhost',
		`127.0.0.1 ${FAKE_HOSTS.join(' ')}`,
		`${ATTACKER_ADDRESS} ${ATTACKER_HOST}`,
		'::1 localhost ip6-localhost ip6-loopback',
		'',
	].join('\n');
}
