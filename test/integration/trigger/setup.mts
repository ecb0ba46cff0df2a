/** What the trigger tests share: a campaign sent through the fake, and the poll's output as JSON rows. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { newCampaign } from '../../fake-constant-contact/campaignLifecycle.mts';
import type { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import type { FakeState } from '../../fake-constant-contact/state.mts';

export type Fake = Awaited<ReturnType<typeof startFakeConstantContact>>;

export const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
export const rows = (out: INodeExecutionData[][] | null): IDataObject[] => (out?.[0] ?? []).map((i) => i.json);

/** A campaign sent to `emails` (each a new contact on its own list) at `at`. */
export function sendCampaign(fake: Fake, name: string, emails: string[], at = iso(0)) {
	const list = fake.seed.list({ name: `${name} list` });
	for (const address of emails) fake.seed.contact({ email_address: { address }, list_memberships: [list.list_id] });
	const campaign = newCampaign(fake.state as unknown as FakeState, name, {
		format_type: 5,
		from_email: 'owner@example.com',
		from_name: 'Fake Co',
		reply_to_email: 'owner@example.com',
		subject: name,
		html_content: '<html><body>[[trackingImage]]</body></html>',
	});
	const primary = fake.state.campaignActivities.get(campaign.activity_ids[0]!)!;
	primary.contact_list_ids = [list.list_id];
	primary.current_status = 'SCHEDULED';
	fake.campaigns.send(campaign.campaign_id, at);
	return { campaignId: campaign.campaign_id, activityId: primary.campaign_activity_id };
}
