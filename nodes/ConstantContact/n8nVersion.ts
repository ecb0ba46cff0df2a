/**
 * The oldest n8n this package supports: n8n-workflow 1.83 (n8n 1.85) brought `NodeConnectionTypes`,
 * which every node description uses, and `usableAsTool` for community nodes. The end-to-end suite
 * runs on this version and on later ones (README › Compatibility).
 */
export const MINIMUM_N8N = '1.85';

/**
 * On an older n8n the package would fail to load with "Cannot read properties of undefined (reading
 * 'Main')", or worse half-work: both node files call this when n8n loads them, so the load fails with a
 * message that says what to do. It takes what n8n-workflow exports as `NodeConnectionTypes`.
 */
export function assertSupportedN8n(connectionTypes: unknown): void {
	const main = (connectionTypes as { Main?: unknown } | undefined)?.Main;
	if (main !== 'main') {
		throw new Error(`n8n-nodes-constant-contact needs n8n ${MINIMUM_N8N} or later; this n8n is older. Update n8n, then reinstall the package.`);
	}
}
