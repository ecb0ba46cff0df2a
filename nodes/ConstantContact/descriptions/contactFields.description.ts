import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * The contact's own fields as n8n's resource mapper: "Map Each Field Below" (one input per field,
 * custom fields included, select types as dropdowns) or "Map Automatically" (the incoming item's
 * fields by name: a Form Trigger's `Email`, `First Name`, a CRM record's `email`, `firstname`, ...).
 */
export function contactFieldsMapper(
	name: string,
	resourceMapperMethod: 'getContactFields' | 'getSignUpFormFields' | 'getContactUpdateFields',
	displayOptions: IDisplayOptions,
	description: string,
): INodeProperties {
	return {
		displayName: 'Contact Fields',
		name,
		type: 'resourceMapper',
		noDataExpression: true,
		default: {
			mappingMode: 'defineBelow',
			value: null,
		},
		required: true,
		description,
		typeOptions: {
			resourceMapper: {
				resourceMapperMethod,
				mode: 'add',
				fieldWords: {
					singular: 'field',
					plural: 'fields',
				},
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions,
	};
}

export const MAPPER_DESCRIPTION =
	'Map Automatically takes the incoming fields by name (Email, First Name, Last Name, Company, Phone, City, ..., address records such as a shop\'s billing address, and custom fields by name or label). Map Each Field Below sets each field, custom fields included. An address or phone without a kind takes the kind set under Mapping Defaults (Home, Other).';
