// Error bodies as Constant Contact sends them: 401 and 429 are a single object, everything else
// an array of {error_key, error_message} (README "API basics").

export interface ApiErrorItem {
	error_key: string;
	error_message: string;
}

export interface ApiResult {
	status: number;
	body?: unknown;
	/** A body that is not JSON (the contact export's CSV file): sent as this media type, as it is. */
	contentType?: string;
}

/** Thrown by handlers; the pipeline turns it into the response. */
export class ApiError extends Error {
	status: number;
	body: unknown;
	constructor(status: number, body: unknown) {
		super(`API error ${status}`);
		this.status = status;
		this.body = body;
	}
}

export const KEYS = {
	validation: 'contacts.api.validation.error',
	conflict: 'contacts.api.conflict',
	notFound: 'contacts.api.not_found',
	forbidden: 'forbidden',
	unsupportedMediaType: 'unsupported_media_type',
	tooLarge: 'payload_too_large',
	server: 'server_error',
	tooManyActivities: 'too_many_activities',
} as const;

export const arrayError = (status: number, key: string, messages: string | string[]): ApiResult => ({
	status,
	body: (Array.isArray(messages) ? messages : [messages]).map((m) => ({ error_key: key, error_message: m })),
});

export const unauthorized = (): ApiResult => ({ status: 401, body: { error_key: 'unauthorized', error_message: 'Unauthorized' } });
export const throttled = (): ApiResult => ({ status: 429, body: { error_key: 'throttled', error_message: 'Too Many Requests' } });
export const quotaExceeded = (): ApiResult => ({ status: 429, body: { error_key: 'quota_exceeded', error_message: 'Limit Exceeded' } });

export const validationError = (messages: string | string[]): ApiError => {
	const r = arrayError(400, KEYS.validation, messages);
	return new ApiError(r.status, r.body);
};
export const notFoundError = (message: string): ApiError => {
	const r = arrayError(404, KEYS.notFound, message);
	return new ApiError(r.status, r.body);
};
export const conflictError = (message: string): ApiError => {
	const r = arrayError(409, KEYS.conflict, message);
	return new ApiError(r.status, r.body);
};

/** Default body for an injected fault that names only a status. */
export function defaultFaultBody(status: number, oauth: boolean): unknown {
	if (oauth) {
		if (status === 429) return { error: 'rate_limited', error_description: 'Too many requests.' };
		if (status === 401) return { error: 'invalid_client', error_description: 'Client authentication failed.' };
		if (status === 400) return { error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' };
		return { error: 'server_error', error_description: `Injected fault ${status}.` };
	}
	if (status === 401) return unauthorized().body;
	if (status === 429) return throttled().body;
	if (status < 400) return undefined;
	const key = status === 503 ? 'service_unavailable' : status >= 500 ? KEYS.server : KEYS.validation;
	return [{ error_key: key, error_message: `Injected fault ${status}` }];
}
