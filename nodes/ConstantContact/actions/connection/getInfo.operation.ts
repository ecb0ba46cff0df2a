import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_TYPE, REQUIRED_SCOPE } from '../../transport/constants';
import { constantContactRequest } from '../../transport/request';
import { CREDENTIAL_SCOPES, SCOPE_FEATURES } from '../../transport/scopes';
import { isRecord } from '../../transport/responses';
import { inspectAccessToken, isExpired, secondsLeft } from '../../transport/token';

const show = { resource: ['connection'], operation: ['getInfo'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Run this when requests fail with 401 or 403: it shows when the access token expires, the scopes it grants (and what each missing one disables) and the connected user\'s privileges. It never outputs the token itself.',
		name: 'connectionNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
];

interface StoredCredentials {
	oauthTokenData?: { access_token?: unknown; refresh_token?: unknown; scope?: unknown };
	scope?: unknown;
}

async function tokenInfo(this: IExecuteFunctions): Promise<IDataObject> {
	const credentials = (await this.getCredentials(CREDENTIAL_TYPE)) as StoredCredentials;
	const tokenData = credentials.oauthTokenData ?? {};
	const info = inspectAccessToken(tokenData.access_token);
	const grantedScopes = info?.scopes ?? (typeof tokenData.scope === 'string' ? tokenData.scope.split(/[\s+]+/).filter(Boolean) : undefined);
	const left = secondsLeft(info);
	return {
		connected: typeof tokenData.access_token === 'string' && tokenData.access_token !== '',
		access_token_readable: info !== undefined,
		expires_at: info?.expiresAt !== undefined ? new Date(info.expiresAt).toISOString() : null,
		seconds_left: left ?? null,
		expired: info ? isExpired(info) : null,
		scopes: grantedScopes ?? null,
		has_contact_data_scope: grantedScopes ? grantedScopes.includes(REQUIRED_SCOPE) : null,
		has_campaign_data_scope: grantedScopes ? grantedScopes.includes('campaign_data') : null,
		has_account_read_scope: grantedScopes ? grantedScopes.includes('account_read') : null,
		has_offline_access_scope: grantedScopes ? grantedScopes.includes('offline_access') : null,
		...missingScopes(grantedScopes),
		has_refresh_token: typeof tokenData.refresh_token === 'string' && tokenData.refresh_token !== '',
	};
}

/** The scopes the credential asks for that this connection lacks, and what each one disables. */
function missingScopes(granted: string[] | undefined): IDataObject {
	if (!granted) return { missing_scopes: null };
	const missing = CREDENTIAL_SCOPES.filter((s) => !granted.includes(s));
	return {
		missing_scopes: missing,
		...(missing.length
			? {
					disabled_by_missing_scopes: Object.fromEntries(missing.map((s) => [s, SCOPE_FEATURES[s]])),
					reconnect_hint: 'Open the Constant Contact credential and click "Reconnect" to grant the missing scopes.',
				}
			: {}),
	};
}

/**
 * `GET /account/user/privileges`, then the stored token's claims (read after the request, so that a
 * refresh the request caused is what is reported). A failing privileges request is reported, not thrown.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	let privileges: IDataObject = {};
	try {
		const answer = (await constantContactRequest.call(this, { method: 'GET', path: '/account/user/privileges', itemIndex })) as IDataObject[];
		const names = (Array.isArray(answer) ? answer : [])
			.map((p: unknown) => (isRecord(p) && typeof p.privilege_name === 'string' ? p.privilege_name : ''))
			.filter(Boolean);
		privileges = {
			privileges: names,
			can_read_contacts: names.includes('contacts:read'),
			can_write_contacts: names.includes('contacts:write'),
			can_write_campaigns: names.includes('campaign:write'),
			can_send_campaigns: names.includes('campaign:send'),
		};
	} catch (error) {
		const e = error as { message?: string; description?: string | null; httpCode?: string | null };
		privileges = {
			privileges: null,
			privileges_error: e.message ?? String(error),
			...(e.description ? { privileges_hint: e.description } : {}),
			...(e.httpCode ? { privileges_http_code: e.httpCode } : {}),
		};
	}
	return [{ json: { ...(await tokenInfo.call(this)), ...privileges } }];
}
