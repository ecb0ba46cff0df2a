import { describe, expect, it } from 'vitest';

import { MAPPING_DEFAULTS, applyMappingDefaults, readMappingDefaults } from '../../../../nodes/ConstantContact/mapping/contact/defaults.ts';
import { emptyContactInput } from '../../../../nodes/ConstantContact/mapping/contact/types.ts';

describe('Mapping Defaults', () => {
	it('reads the collection, keeping the defaults for what it leaves out or gets wrong', () => {
		expect(readMappingDefaults(undefined)).toEqual({ addressKind: 'home', phoneKind: 'other', dateOrder: 'monthFirst' });
		expect(readMappingDefaults({ addressKind: 'work', phoneKind: 'mobile', dateOrder: 'dayFirst' })).toEqual({ addressKind: 'work', phoneKind: 'mobile', dateOrder: 'dayFirst' });
		expect(readMappingDefaults({ addressKind: 'office' }).addressKind).toBe('home');
	});

	it('fills kinds the data left open and keeps those it gave', () => {
		const input = {
			...emptyContactInput(),
			phone_numbers: [{ phone_number: '1' }, { phone_number: '2', kind: 'home' }],
			street_addresses: [{ city: 'A' }, { kind: 'work', city: 'B' }],
		};
		const filled = applyMappingDefaults(input, 'contacts', { ...MAPPING_DEFAULTS, phoneKind: 'mobile' });
		expect(filled.phone_numbers).toEqual([{ phone_number: '1', kind: 'mobile' }, { phone_number: '2', kind: 'home' }]);
		expect(filled.street_addresses).toEqual([{ kind: 'home', city: 'A' }, { kind: 'work', city: 'B' }]);
		// The sign-up form's phone has no kind.
		expect(applyMappingDefaults(input, 'sign_up_form', MAPPING_DEFAULTS).phone_numbers[0]).toEqual({ phone_number: '1' });
	});

	it('an anniversary Constant Contact could not read, or would read the other way round, becomes YYYY-MM-DD', () => {
		const withAnniversary = (anniversary: string) => ({ ...emptyContactInput(), anniversary });
		expect(applyMappingDefaults(withAnniversary('06/01/2015'), 'contacts', MAPPING_DEFAULTS).anniversary).toBe('06/01/2015');
		expect(applyMappingDefaults(withAnniversary('06/01/2015'), 'contacts', { ...MAPPING_DEFAULTS, dateOrder: 'dayFirst' }).anniversary).toBe('2015-01-06');
		expect(applyMappingDefaults(withAnniversary('25/12/2015'), 'contacts', MAPPING_DEFAULTS).anniversary).toBe('2015-12-25');
		expect(applyMappingDefaults(withAnniversary('June 20, 2015'), 'contacts', MAPPING_DEFAULTS).anniversary).toBe('2015-06-20');
		expect(applyMappingDefaults(withAnniversary('someday'), 'contacts', MAPPING_DEFAULTS).anniversary).toBe('someday');
	});
});
