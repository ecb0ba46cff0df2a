// Account endpoints used to test a connection: privileges (any valid token) and summary
// (needs account_read, checked by the route table).
import { validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import type { ApiContext, Obj } from './context.mts';

const PRIVILEGES = [
	'account:read',
	'account:update',
	'contacts:read',
	'contacts:write',
	'contacts:lists:read',
	'contacts:lists:write',
	'campaign:read',
	'campaign:create',
	'campaign:write',
	'campaign:delete',
	'campaign:send',
	'ui:campaign:metrics',
	'ui:contacts:import',
];

export function userPrivileges(): ApiResult {
	return { status: 200, body: PRIVILEGES.map((privilege_name, i) => ({ privilege_id: i + 1, privilege_name })) };
}

export function accountSummary(ctx: ApiContext): ApiResult {
	const extra = (ctx.query.extra_fields ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	if (extra.some((x) => x !== 'physical_address' && x !== 'company_logo')) throw validationError('extra_fields does not have a valid value');
	const body: Obj = {
		contact_email: 'owner@example.com',
		contact_phone: '5555550100',
		country_code: 'US',
		encoded_account_id: 'a07e1fake0001',
		first_name: 'Fake',
		last_name: 'Owner',
		organization_name: 'Fake Constant Contact Account',
		organization_phone: '5555550100',
		state_code: 'MA',
		time_zone_id: 'US/Eastern',
		website: 'https://example.com',
	};
	if (extra.includes('physical_address')) {
		body.physical_address = { address_line1: '1601 Trapelo Road', city: 'Waltham', state_code: 'MA', postal_code: '02451', country_code: 'US' };
	}
	if (extra.includes('company_logo')) body.company_logo = { url: 'https://files.example.com/logo.png', external_url: 'https://example.com/logo.png', internal_id: 'logo-1' };
	return { status: 200, body };
}
