export const CREDENTIAL_TYPE = 'constantContactOAuth2Api';

/**
 * The one place requests carrying the credential may go: Constant Contact's API origin (RFC 9700: an
 * access token goes only to the resource server it was issued for). Nothing configures it.
 */
export const API_ORIGIN = 'https://api.cc.email';

export const API_BASE_URL = `${API_ORIGIN}/v3`;

/** Constant Contact's documented limit per app key, shared by every account connected through the app. */
export const REQUESTS_PER_SECOND = 4;

export const DAILY_REQUEST_QUOTA = 10_000;

/** The scope every operation of this package needs. */
export const REQUIRED_SCOPE = 'contact_data';
