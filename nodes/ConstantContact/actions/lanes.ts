/**
 * Whether two items' ordering keys may name the same contact. Keys equal: yes. A contact named by ID
 * (`id:<uuid>`) and one named by email (`email:<address>`) cannot be told apart without a lookup
 * (the email's contact ID is known only after a request): they are taken to be the same, so such
 * items run one after another. A run that names every contact the same way keeps its concurrency,
 * and no request is added to tell contacts apart.
 */
export function mayBeSameContact(a: string, b: string): boolean {
	if (a === b) return true;
	const by = (key: string) => (key.startsWith('id:') ? 'id' : key.startsWith('email:') ? 'email' : undefined);
	return by(a) !== undefined && by(b) !== undefined && by(a) !== by(b);
}

/**
 * Runs `count` jobs with at most `limit` in flight, keeping jobs whose keys may name one contact
 * (mayBeSameContact) strictly in input order, so two items for the same contact never race. Results
 * come back in input order. After the first failure no new job starts; the failure of the lowest
 * index is rethrown.
 */
export async function runInLanes<T>(
	count: number,
	limit: number,
	keyOf: (index: number) => string | undefined,
	job: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	// Jobs start in input order: every earlier job not yet finished is in here.
	const unfinished = new Map<number, { key: string; done: Promise<unknown> }>();
	let next = 0;
	let failed: { index: number; error: unknown } | undefined;

	const runOne = async (index: number): Promise<void> => {
		const key = keyOf(index);
		const earlier = key === undefined ? [] : [...unfinished.values()].filter((u) => mayBeSameContact(u.key, key)).map((u) => u.done);
		const own = (async () => {
			await Promise.allSettled(earlier);
			if (failed && failed.index < index) return;
			results[index] = await job(index);
		})();
		if (key !== undefined) unfinished.set(index, { key, done: own });
		try {
			await own;
		} catch (error) {
			if (!failed || index < failed.index) failed = { index, error };
		} finally {
			unfinished.delete(index);
		}
	};

	const worker = async (): Promise<void> => {
		while (next < count && !failed) await runOne(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	if (failed) throw failed.error;
	return results;
}
