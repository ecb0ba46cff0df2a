// `npm run fake-cc`: runs the fake on PORT (default 8787) until Ctrl-C, for manual work with n8n or curl.
import { DEFAULT_CLIENT, startFakeConstantContact } from './server.mts';

const port = Number(process.env.PORT ?? 8787);
const fake = await startFakeConstantContact({ port, host: process.env.HOST ?? '127.0.0.1' });
const tokens = await fake.issueTokens({ scope: 'contact_data account_read offline_access' });

console.log(`Fake Constant Contact listening on ${fake.url}
  API base URL   ${fake.apiBaseUrl}
  authorize URL  ${fake.authorizeUrl}
  token URL      ${fake.tokenUrl}
  JWKS           ${fake.keysUrl}
  client id      ${DEFAULT_CLIENT.clientId}
  client secret  ${DEFAULT_CLIENT.clientSecret}
  redirect URI   ${DEFAULT_CLIENT.redirectUris[0]}
  scopes         contact_data account_read offline_access
  ready token    curl -H 'Authorization: Bearer ${tokens.access_token}' '${fake.apiBaseUrl}/contact_lists?limit=1'
Press Ctrl-C to stop.`);

const stop = (): void => {
	void fake.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
