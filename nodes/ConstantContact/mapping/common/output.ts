import type { IDataObject } from 'n8n-workflow';

/**
 * How an operation shapes what Constant Contact returned (n8n's UX guidelines: "Simplify" for
 * normal use, "Output" with three modes for AI tool use). Pure: the description factories live in
 * descriptions/output.description.ts, the wrappers that read the parameters in actions/output.ts.
 */
export type OutputMode = 'simple' | 'raw' | 'fields';

/** What the node itself adds to a resource it outputs (the outcome of a write): kept in every mode. */
export const OUTCOME_FIELDS = ['action', 'skip_reason', 'revived', 'changes', 'dropped'] as const;

/** One resource's output shapes: every resource that returns more than 10 fields defines one. */
export interface ResourceOutput {
	/**
	 * The fields that identify the record, its own ID first, then the IDs of the records it is about (a
	 * report row's campaign, email and contact): in the simplified record, and always in Selected Fields.
	 */
	idFields: string[];
	/** At most 10 fields, flattened, the most used first; the same keys for every record. */
	simplify: (raw: IDataObject) => IDataObject;
	/** Whether an output item is this resource (and not, say, a bulk activity's summary or an error item). */
	isRecord: (json: IDataObject) => boolean;
}

function outcome(raw: IDataObject): IDataObject {
	const kept: IDataObject = {};
	for (const key of OUTCOME_FIELDS) if (raw[key] !== undefined) kept[key] = raw[key];
	return kept;
}

/** Raw: as Constant Contact returned it. Simplified: the resource's simple form. Selected: the ID and the chosen fields. */
export function shapeOutput(raw: IDataObject, resource: ResourceOutput, mode: OutputMode, fields: string[] = []): IDataObject {
	if (mode === 'raw' || !resource.isRecord(raw)) return raw;
	if (mode === 'simple') return { ...resource.simplify(raw), ...outcome(raw) };
	const selected: IDataObject = {};
	for (const field of [...resource.idFields, ...fields]) if (raw[field] !== undefined) selected[field] = raw[field];
	return { ...selected, ...outcome(raw) };
}

/** Output parameter values as n8n stores them: a mode name, or anything else read as the default. */
export function toOutputMode(value: unknown): OutputMode {
	return value === 'raw' || value === 'fields' ? value : 'simple';
}
