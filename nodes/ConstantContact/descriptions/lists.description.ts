import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** A list picker: searchable over every list of the account, or list IDs (one, several comma-separated, or an array by expression). */
export function listMembershipsField(
	name: string,
	displayOptions: IDisplayOptions,
	options: { required: boolean; description: string },
): INodeProperties {
	return {
		displayName: 'Lists',
		name,
		type: 'fixedCollection',
		placeholder: 'Add List',
		default: {},
		required: options.required,
		description: options.description,
		typeOptions: {
			multipleValues: true,
			...(options.required ? { minRequiredFields: 1 } : {}),
			maxAllowedFields: 50,
		},
		displayOptions,
		options: [
			{
				displayName: 'List',
				name: 'list',
				values: [
					{
						displayName: 'List',
						name: 'list',
						type: 'resourceLocator',
						default: { mode: 'list', value: '' },
						required: true,
						modes: [
							{
								displayName: 'From List',
								name: 'list',
								type: 'list',
								placeholder: 'Select a list...',
								typeOptions: {
									searchListMethod: 'searchLists',
									searchable: true,
								},
							},
							{
								displayName: 'By ID',
								name: 'id',
								type: 'string',
								placeholder: 'e.g. 07936f78-662a-11eb-af0a-fa163e56c9b0',
								hint: 'One list ID, several separated by commas, or an array of IDs from an expression',
							},
						],
					},
				],
			},
		],
	};
}
