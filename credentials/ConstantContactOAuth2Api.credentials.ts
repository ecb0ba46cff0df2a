import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Constant Contact's V3 API through n8n's own OAuth2 machinery: n8n runs the consent screen once,
 * stores the tokens encrypted and refreshes them on 401. Everything but the flow and the app's keys
 * is fixed here, so users cannot pick a scope set that leaves them without a refresh token.
 */
export class ConstantContactOAuth2Api implements ICredentialType {
	name = 'constantContactOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Constant Contact OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/ConstantContact/constantContact.svg',
		dark: 'file:../nodes/ConstantContact/constantContact.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-constant-contact/n8n-nodes-constant-contact#connect-constant-contact';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{
					name: 'Authorization Code',
					value: 'authorizationCode',
					description: "Constant Contact's server flow: uses the app's API key and client secret",
				},
				{
					name: 'PKCE',
					value: 'pkce',
					description: 'For an app registered as a public client (no client secret)',
				},
			],
			default: 'authorizationCode',
			description:
				'Must match the flow chosen for the app in the Constant Contact developer portal',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 4,
			description:
				"Your Constant Contact app's limit, shared by everything that uses its API key: 4 unless Constant Contact set another for the key (partner keys usually get 10; partners ask Constant Contact's partner team for theirs). The node paces its requests to it; set the same value in every credential of the app.",
		},
		{
			displayName: 'Requests per Day',
			name: 'requestsPerDay',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description:
				"Your Constant Contact app's daily quota (resets at 00:00 UTC): 10,000 unless Constant Contact set another for the key (partner keys usually get 250,000). Used in the error when the quota is used up.",
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://authz.constantcontact.com/oauth2/default/v1/authorize',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: 'https://authz.constantcontact.com/oauth2/default/v1/token',
			required: true,
		},
		{
			// contact_data: contacts, lists, tags, custom fields, segments, contact reports;
			// campaign_data: email campaigns and their reports; account_read: the account's confirmed
			// sender addresses (GET /account/emails); without offline_access there is no refresh token.
			// Connections made with fewer scopes keep working for what they grant (see transport/scopes.ts).
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: 'contact_data campaign_data account_read offline_access',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];

	// Needs only contact_data: /account/summary would answer 403 without account_read. The API's
	// address is fixed here as in the node: no stored field can send the token anywhere else.
	test: ICredentialTestRequest = {
		request: {
			baseURL: 'https://api.cc.email/v3',
			url: '/contact_lists',
			qs: { limit: 1 },
		},
	};
}
