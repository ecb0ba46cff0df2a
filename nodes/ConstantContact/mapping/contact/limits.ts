import type { ContactTarget } from './types';

/** Constant Contact's documented limits (swagger-v3.yaml and the API guide). */
export const LIMITS = {
	nameLength: 50,
	phoneLength: 25,
	streetLength: 255,
	addressPartLength: 50,
	customFieldValueLength: 255,
	anniversaryLength: 10,
	noteLength: 2000,
	notes: 150,
	tags: 50,
	/** Per endpoint: `/contacts` (POST, PUT) and `/contacts/sign_up_form` differ. */
	byTarget: {
		contacts: { emailLength: 80, customFields: 25, phoneNumbers: 3, streetAddresses: 3, minLists: 0, maxLists: 50 },
		sign_up_form: { emailLength: 50, customFields: 50, phoneNumbers: 1, streetAddresses: 1, minLists: 1, maxLists: 50 },
	} satisfies Record<ContactTarget, Record<string, number>>,
} as const;

export function endpointName(target: ContactTarget): string {
	return target === 'contacts' ? '/contacts' : '/contacts/sign_up_form';
}
