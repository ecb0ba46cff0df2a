/**
 * Runs `count` jobs with at most `limit` in flight, keeping jobs that share a key (a contact's email)
 * strictly in input order, so two items for the same contact never race. Results come back in input
 * order. After the first failure no new job starts; the failure of the lowest index is rethrown.
 */
export async function runInLanes<T>(
	count: number,
	limit: number,
	keyOf: (index: number) => string | undefined,
	job: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	const keyTails = new Map<string, Promise<unknown>>();
	let next = 0;
	let failed: { index: number; error: unknown } | undefined;

	const runOne = async (index: number): Promise<void> => {
		const key = keyOf(index);
		const previous = key !== undefined ? keyTails.get(key) : undefined;
		const own = (async () => {
			if (previous) await previous.catch(() => undefined);
			if (failed && failed.index < index) return;
			results[index] = await job(index);
		})();
		if (key !== undefined) keyTails.set(key, own);
		try {
			await own;
		} catch (error) {
			if (!failed || index < failed.index) failed = { index, error };
		} finally {
			if (key !== undefined && keyTails.get(key) === own) keyTails.delete(key);
		}
	};

	const worker = async (): Promise<void> => {
		while (next < count && !failed) await runOne(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	if (failed) throw failed.error;
	return results;
}
