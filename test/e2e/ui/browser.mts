// Headless Chromium from Debian's package (`chromium`), driven by playwright-core. playwright-core is
// taken from the project when it is installed there, else from the pinned n8n's own dependencies
// (n8n 2.40.7 ships it): the project needs no browser download of Playwright's own.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The few Playwright calls the UI tour uses (playwright-core's own types may not be installed). */
export interface Locator {
	click(): Promise<void>;
	count(): Promise<number>;
	first(): Locator;
	innerText(): Promise<string>;
	inputValue(): Promise<string>;
	allInnerTexts(): Promise<string[]>;
	waitFor(options?: { state?: 'visible' | 'attached' | 'hidden' }): Promise<void>;
}

export interface Page {
	goto(url: string): Promise<unknown>;
	locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
	getByRole(role: string, options?: { name?: string | RegExp }): Locator;
	fill(selector: string, value: string): Promise<void>;
	keyboard: { type(text: string): Promise<void>; press(key: string): Promise<void> };
	screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
	waitForURL(predicate: (url: URL) => boolean): Promise<void>;
	setDefaultTimeout(ms: number): void;
	waitForTimeout(ms: number): Promise<void>;
}

export interface Browser {
	newContext(options: { viewport: { width: number; height: number } }): Promise<{ newPage(): Promise<Page> }>;
	close(): Promise<void>;
	version(): string;
}

interface Chromium {
	launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser>;
}

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export function loadChromium(projectRoot: string, n8nDir: string): { chromium: Chromium; from: string } {
	for (const base of [join(projectRoot, 'package.json'), join(n8nDir, 'node_modules', 'n8n', 'package.json')]) {
		const require = createRequire(base);
		try {
			const from = require.resolve('playwright-core');
			return { chromium: (require('playwright-core') as { chromium: Chromium }).chromium, from };
		} catch {
			// not installed there
		}
	}
	throw new Error('playwright-core is installed neither in the project nor in the cached n8n');
}

export async function launch(projectRoot: string, n8nDir: string): Promise<{ browser: Browser; page: Page; from: string }> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
	const { chromium, from } = loadChromium(projectRoot, n8nDir);
	// --no-sandbox: Chromium's sandbox refuses to run as root, which CI is.
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(20_000);
	return { browser, page, from };
}
