import type { IDataObject } from 'n8n-workflow';

/** What a failed item carries downstream under Continue On Fail: the message, the hint and the HTTP status, nothing more. */
export function errorOutput(error: unknown): IDataObject {
	const e = error as { message?: string; description?: string | null; httpCode?: string | null };
	return {
		error: e.message ?? String(error),
		...(e.description ? { hint: e.description } : {}),
		...(e.httpCode ? { httpCode: e.httpCode } : {}),
	};
}
