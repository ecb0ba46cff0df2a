import { describe, expect, it } from 'vitest';

import { mayBeSameContact, runInLanes } from '../../../nodes/ConstantContact/actions/lanes.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runInLanes', () => {
	it('keeps results in input order and never exceeds the concurrency limit', async () => {
		let inFlight = 0;
		let peak = 0;
		const results = await runInLanes(12, 4, () => undefined, async (i) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await tick(10 + ((i * 7) % 5) * 5);
			inFlight--;
			return i * 10;
		});
		expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i * 10));
		expect(peak).toBe(4);
	});

	it('runs items with the same key one after another, in input order', async () => {
		const log: string[] = [];
		const keys = ['a@x.co', 'b@x.co', 'a@x.co', 'c@x.co', 'a@x.co'];
		await runInLanes(keys.length, 4, (i) => keys[i], async (i) => {
			log.push(`start ${i}`);
			await tick(i === 0 ? 40 : 5);
			log.push(`end ${i}`);
		});
		const order = (n: string) => log.indexOf(n);
		expect(order('start 2')).toBeGreaterThan(order('end 0'));
		expect(order('start 4')).toBeGreaterThan(order('end 2'));
		// Other contacts did not wait for a@x.co.
		expect(order('end 1')).toBeLessThan(order('end 0'));
	});

	it('an item naming a contact by ID waits for earlier items naming one by email, and the reverse; same-kind items for other contacts do not', async () => {
		const log: string[] = [];
		const keys = ['id:u1', 'id:u2', 'email:a@x.co', 'email:b@x.co', 'id:u3'];
		await runInLanes(keys.length, 5, (i) => keys[i], async (i) => {
			log.push(`start ${i}`);
			await tick(10);
			log.push(`end ${i}`);
		});
		const order = (n: string) => log.indexOf(n);
		expect(order('start 1')).toBeLessThan(order('end 0'));
		expect(order('start 2')).toBeGreaterThan(Math.max(order('end 0'), order('end 1')));
		expect(order('start 3')).toBeLessThan(order('end 2'));
		expect(order('start 4')).toBeGreaterThan(Math.max(order('end 2'), order('end 3')));
		expect(mayBeSameContact('id:u1', 'email:a@x.co')).toBe(true);
		expect(mayBeSameContact('email:a@x.co', 'email:a@x.co')).toBe(true);
		expect(mayBeSameContact('id:u1', 'id:u2')).toBe(false);
		expect(mayBeSameContact('a@x.co', 'id:u1')).toBe(false);
		expect(mayBeSameContact('item:1', 'item:2')).toBe(false);
	});

	it('starts nothing new after a failure and rethrows the failure of the lowest index', async () => {
		const started: number[] = [];
		await expect(
			runInLanes(10, 2, () => undefined, async (i) => {
				started.push(i);
				await tick(5);
				if (i === 1 || i === 2) throw new Error(`item ${i}`);
				return i;
			}),
		).rejects.toThrow('item 1');
		expect(started.length).toBeLessThan(10);
	});

	it('runs strictly sequentially with a limit of 1', async () => {
		const log: number[] = [];
		await runInLanes(5, 1, () => undefined, async (i) => {
			log.push(i);
			await tick(1);
			log.push(i);
		});
		expect(log).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
	});
});
