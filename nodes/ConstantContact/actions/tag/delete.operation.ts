import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { tagLocator } from '../../descriptions/locators.description';
import { idProblem } from '../../mapping/common/ids';
import { constantContactRequest } from '../../transport/request';

const show = { resource: ['tag'], operation: ['delete'] };

export const description: INodeProperties[] = [tagLocator({ show }, 'The tag to delete; it is removed from every contact that has it')];

/** `DELETE /contact_tags/{id}`: Constant Contact untags every contact and deletes the tag in the background (an activity). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = String(this.getNodeParameter('tag', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!id) throw new NodeOperationError(this.getNode(), 'Tag: no tag chosen', { itemIndex });
	// The contract takes only a UUID here: anything else is refused before a request is built from it.
	const problem = idProblem('Tag', 'tag', [id]);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex });
	const activity = (await constantContactRequest.call(this, {
		method: 'DELETE',
		path: `/contact_tags/${encodeURIComponent(id)}`,
		itemIndex,
	})) as IDataObject | undefined;
	return [
		{
			json: {
				tag_id: id,
				deleted: true,
				...(activity?.activity_id ? { activity_id: activity.activity_id, activity_state: activity.state } : {}),
			},
		},
	];
}
