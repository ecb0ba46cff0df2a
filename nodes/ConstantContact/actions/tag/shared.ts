import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idProblem } from '../../mapping/common/ids';

/** The longest tag name Constant Contact takes (`TagPost`, `TagPut`). */
export const MAX_TAG_NAME = 255;

/** The tag the `tag` resource locator names: a UUID, the only kind of ID the contract takes. */
export function tagIdParam(this: IExecuteFunctions, itemIndex: number): string {
	const id = String(this.getNodeParameter('tag', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!id) throw new NodeOperationError(this.getNode(), 'Tag: no tag chosen', { itemIndex });
	const problem = idProblem('Tag', 'tag', [id]);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex });
	return id;
}

/** A tag name: trimmed, 1 to 255 characters. */
export function checkTagName(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const name = (typeof value === 'string' || typeof value === 'number' ? String(value) : '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), `${label}: a value is required`, { itemIndex });
	if (name.length > MAX_TAG_NAME) {
		throw new NodeOperationError(this.getNode(), `${label}: ${name.length} characters; Constant Contact allows at most ${MAX_TAG_NAME}`, { itemIndex });
	}
	return name;
}
