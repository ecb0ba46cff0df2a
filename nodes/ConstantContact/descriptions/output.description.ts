import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * n8n's UX guidelines for operations that return more than 10 fields. Writes get "Simplify" (the
 * result confirms what was stored); reads get "Output" (Simplified, Raw, Selected Fields: an AI agent
 * or a user picks only what it needs). Both default to the simplified form.
 */
export function simplifyField(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simple',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		...(displayOptions ? { displayOptions } : {}),
	};
}

/** "Output" and, for Selected Fields, the fields to return (the record's ID always comes too). */
export function outputFields(displayOptions: IDisplayOptions, fields: INodePropertyOptions[], simplified: string): INodeProperties[] {
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'simple',
			displayOptions,
			options: [
				{ name: 'Raw', value: 'raw', description: 'Every field Constant Contact returns' },
				{ name: 'Selected Fields', value: 'fields', description: 'Only the fields chosen below, and the ID' },
				{ name: 'Simplified', value: 'simple', description: simplified },
			],
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			default: [],
			description: 'The fields to add to the output; the ID is always included',
			displayOptions: { ...displayOptions, show: { ...displayOptions.show, output: ['fields'] } },
			options: fields,
		},
	];
}
