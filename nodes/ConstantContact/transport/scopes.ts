import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './constants';
import { apiPath } from './endpoints';
import type { ConstantContactContext } from './requestTypes';
import { inspectAccessToken, lacksScope } from './token';

/**
 * Which OAuth scope each Constant Contact endpoint needs, as the `security` entries of its contract
 * (swagger-v3.yaml) name them. The transport checks the stored token against it before a request,
 * so that a connection made before a scope was asked for fails with "reconnect" and sends nothing.
 */
export type Scope = 'contact_data' | 'campaign_data' | 'account_read' | 'account_update' | 'offline_access';

/** What the credential asks for: everything the node's operations and pickers use, and a refresh token. */
export const CREDENTIAL_SCOPES: Scope[] = ['contact_data', 'campaign_data', 'account_read', 'offline_access'];

/** What stops working without each scope, in the words of the node's UI. */
export const SCOPE_FEATURES: Record<Scope, string> = {
	contact_data: 'contacts, lists, tags, custom fields, segments and contact reports',
	campaign_data:
		'campaigns (create, update, test sends, schedules, send history), campaign reports and stats, events and their registrations, and the Campaign Sent, Contact Bounced, Contact Opted Out, Contact Clicked and Event Registration trigger events',
	account_read: "the account's confirmed sender addresses (the From Email and Reply-To Email pickers and checks)",
	account_update: 'changes to the account itself (not used by this node)',
	offline_access: 'refreshing the access token (without it the connection stops working after 24 hours)',
};

/**
 * The scope an endpoint needs: campaign data for `/emails` and the campaign reports, contact data for
 * contacts, lists, tags, segments and the contact reports, account scopes for `/account` (none for the
 * user's privileges).
 */
export function requiredScope(method: string, path: string): Scope | undefined {
	const p = apiPath(path);
	if (p === '/account/user/privileges' || p.startsWith('/partner/')) return undefined;
	if (p.startsWith('/account/')) return method.toUpperCase() === 'GET' ? 'account_read' : 'account_update';
	if (p.startsWith('/reports/contact_reports/')) return 'contact_data';
	if (/^\/(emails|reports|events|social|automations)(\/|$)/.test(p)) return 'campaign_data';
	return 'contact_data';
}

/** The error for a token granted without `scopes`: what they enable, what was granted, and to reconnect. */
export function missingScopeError(node: INode, scopes: Scope | Scope[], granted: string[], itemIndex?: number): NodeOperationError {
	const needed = Array.isArray(scopes) ? scopes : [scopes];
	const missing = CREDENTIAL_SCOPES.filter((s) => !granted.includes(s));
	const names = needed.map((s) => `"${s}"`).join(' and ');
	const features = needed.map((s) => SCOPE_FEATURES[s]).join('; and ');
	return new NodeOperationError(node, `The Constant Contact credential was granted without the ${names} scope${needed.length > 1 ? 's' : ''}, which ${features} need`, {
		description: `This connection was made before the node asked for ${missing.join(', ')} (it grants: ${granted.join(' ') || 'nothing readable'}). Open the Constant Contact credential and click "Reconnect" (or "Connect my account"): the consent screen asks for ${CREDENTIAL_SCOPES.join(', ')}. Operations that need only what was granted keep working meanwhile; "Get Connection Info" lists what each missing scope disables.`,
		itemIndex,
	});
}

/**
 * For an operation whose first request is not the one that defines it (a campaign is created after
 * its sender addresses are read): fails before any request when the token lacks one of `scopes`.
 */
export async function assertScopes(this: ConstantContactContext, scopes: Scope[], itemIndex?: number): Promise<void> {
	const credentials = (await this.getCredentials(CREDENTIAL_TYPE)) as { oauthTokenData?: { access_token?: unknown } };
	const token = inspectAccessToken(credentials.oauthTokenData?.access_token);
	const missing = scopes.filter((s) => lacksScope(token, s));
	if (missing.length) throw missingScopeError(this.getNode(), missing, token?.scopes ?? [], itemIndex);
}
