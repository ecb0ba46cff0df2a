import type { IDataObject, IExecuteFunctions, IHookFunctions, IHttpRequestMethods, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import type { Failure } from './errors';

// The types every transport module shares, apart from the request itself: request.ts sends, scopes.ts
// checks scopes before it sends, and both read these without importing each other.

export type ConstantContactContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** A path under the API base (`/contacts`), or a `_links.next.href` path that starts with `/v3/`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Safe to send again after a 5xx or a network failure. Default: GET, PUT and DELETE. */
	idempotent?: boolean;
	/**
	 * For a request that is not idempotent (`POST /contacts`): after an ambiguous failure, find out
	 * whether it took effect. Return the result if it did; undefined means it did not, and it is resent.
	 */
	resolveAmbiguous?: () => Promise<unknown>;
	/** Further answers that mean "try again", e.g. sign_up_form's 409 on simultaneous writes. */
	retryWhen?: (failure: Failure) => boolean;
	/** Resolve with status and body instead of the body alone (to tell 201 from 200). */
	fullResponse?: boolean;
	/**
	 * Resolve with the response body as a stream of bytes, not parsed (the contact export's CSV file):
	 * the caller reads it piece by piece. An error answer is still read whole (at most
	 * MAX_STREAMED_ERROR_BYTES) and reported as any other.
	 */
	stream?: { accept: string };
	/** For messages: the contact's email (409) and the item the request is for. */
	email?: string;
	itemIndex?: number;
}
