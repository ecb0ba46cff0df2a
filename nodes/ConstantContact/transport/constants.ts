export const CREDENTIAL_TYPE = 'constantContactOAuth2Api';

export const DEFAULT_API_BASE_URL = 'https://api.cc.email/v3';

/** Constant Contact's documented limit per app key, shared by every account connected through the app. */
export const REQUESTS_PER_SECOND = 4;

export const DAILY_REQUEST_QUOTA = 10_000;

/** The scope every operation of this package needs. */
export const REQUIRED_SCOPE = 'contact_data';
