// Where each path of the contact operations (the contacts endpoint, the sign-up form) keeps its fields.

/** Where one path of the node keeps its fields. */
export interface FieldParameters {
	mapper: string;
	lists: string;
	additional: string;
	/** Whether tags are offered (not on the sign-up form). */
	taggings: boolean;
	/** The Mapping Defaults collection: kinds and date order where the data does not say. */
	defaults: string;
}

export const CONTACTS_PARAMETERS: FieldParameters = {
	mapper: 'contactFields',
	lists: 'listMemberships',
	additional: 'additionalFields',
	taggings: true,
	defaults: 'mappingDefaults',
};

export const SIGN_UP_PARAMETERS: FieldParameters = {
	mapper: 'signUpFields',
	lists: 'signUpListMemberships',
	additional: 'signUpAdditionalFields',
	taggings: false,
	defaults: 'signUpMappingDefaults',
};
