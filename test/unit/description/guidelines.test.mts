// n8n's UX guidelines for community nodes, the parts a description shows: checked over every parameter
// of both nodes (nested ones included), so a new operation that breaks one fails here. The table in
// docs/ux-guidelines.md points to these tests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { ConstantContact } from '../../../nodes/ConstantContact/ConstantContact.node.ts';
import { ConstantContactTrigger } from '../../../nodes/ConstantContact/ConstantContactTrigger.node.ts';

const node = new ConstantContact().description;
const trigger = new ConstantContactTrigger().description;

/** Every parameter, at any depth (collection options, fixedCollection values), with its path. */
function walk(properties: INodeProperties[], path = ''): Array<{ p: INodeProperties; path: string; depth: number }> {
	const out: Array<{ p: INodeProperties; path: string; depth: number }> = [];
	for (const p of properties) {
		const here = `${path}/${p.name}`;
		out.push({ p, path: here, depth: path.split('/').length - 1 });
		for (const option of (p.options ?? []) as Array<INodeProperties | INodePropertyCollection | INodePropertyOptions>) {
			if ('values' in option && Array.isArray(option.values)) out.push(...walk(option.values, `${here}/${option.name}`));
			else if ('type' in option && 'displayName' in option) out.push(...walk([option as INodeProperties], here));
		}
	}
	return out;
}

const all = [...walk(node.properties), ...walk(trigger.properties)];

describe("n8n's UX guidelines: parameters", () => {
	it('every resource locator with a From List mode defaults to it', () => {
		const locators = all.filter(({ p }) => p.type === 'resourceLocator');
		expect(locators.map(({ path }) => path)).toEqual(expect.arrayContaining(['/contact', '/list', '/tag']));
		for (const { p, path } of locators) {
			if (!p.modes?.some((m) => m.name === 'list')) continue;
			expect({ path, default: p.default }).toEqual({ path, default: { mode: 'list', value: '' } });
			expect(p.modes[0].displayName, path).toBe('From List');
		}
	});

	it("booleans are described 'Whether …'", () => {
		for (const { p, path } of all.filter(({ p }) => p.type === 'boolean')) expect(p.description ?? '', path).toMatch(/^Whether /);
	});

	it("placeholders: examples start with 'e.g.', collections say 'Add …', pickers 'Select a …'", () => {
		for (const { p, path } of all) {
			if (p.placeholder !== undefined) {
				const expected = p.type === 'collection' || p.type === 'fixedCollection' ? /^Add [A-Z]/ : /^e\.g\. /;
				expect(String(p.placeholder), path).toMatch(expected);
			}
			for (const mode of p.modes ?? []) {
				if (mode.placeholder !== undefined) expect(mode.placeholder, `${path} (${mode.name})`).toMatch(mode.type === 'list' ? /^Select a / : /^e\.g\. /);
			}
		}
		const email = all.find(({ path }) => path === '/filters/email')!.p;
		expect(email.placeholder).toBe('e.g. nathan@example.com');
	});

	it('top-level collections are Additional Fields, Update Fields, Options or Filters', () => {
		const names = new Set(all.filter(({ p, depth }) => depth === 0 && p.type === 'collection').map(({ p }) => p.displayName));
		// Named for what they govern (docs/ux-guidelines.md says why): Audience, who a campaign is sent to;
		// Existing Contact Options; Mapping Defaults.
		expect([...names].sort()).toEqual(['Additional Fields', 'Audience', 'Existing Contact Options', 'Filters', 'Mapping Defaults', 'Options', 'Update Fields']);
	});

	it('Return All and Limit: the standard wording, Limit 50 by default and at least 1', () => {
		const returnAll = node.properties.filter((p) => p.name === 'returnAll');
		const limits = node.properties.filter((p) => p.name === 'limit');
		expect(returnAll.length).toBeGreaterThanOrEqual(4);
		expect(limits).toHaveLength(returnAll.length);
		for (const p of returnAll) expect(p.description).toBe('Whether to return all results or only up to a given limit');
		for (const p of limits) {
			expect(p).toMatchObject({ default: 50, typeOptions: { minValue: 1 }, description: 'Max number of results to return' });
			expect(p.displayOptions?.show?.returnAll).toEqual([false]);
		}
	});

	it("Simplify and Output: the guidelines' names and wording, simplified by default", () => {
		// Whatever simplifies is one of the two, under n8n's names: no "Simplify Output" or "simplifyOutput".
		const simplifying = all.filter(({ p }) => p.type !== 'notice' && /simplif/i.test(`${p.name} ${p.displayName}`));
		expect(simplifying.map(({ p }) => p.name).filter((name) => name !== 'simple')).toEqual([]);
		const simple = all.filter(({ p }) => p.name === 'simple');
		const output = all.filter(({ p }) => p.name === 'output');
		expect(simple.length).toBeGreaterThanOrEqual(3);
		expect(output.length).toBeGreaterThanOrEqual(2);
		for (const { p, path, depth } of simple) {
			expect(depth, path).toBe(0);
			expect(p).toMatchObject({ displayName: 'Simplify', type: 'boolean', default: true, description: 'Whether to return a simplified version of the response instead of the raw data' });
		}
		for (const { p, path, depth } of output) {
			expect(depth, path).toBe(0);
			expect(p).toMatchObject({ displayName: 'Output', type: 'options', default: 'simple' });
			expect((p.options as INodePropertyOptions[]).map((o) => [o.name, o.value])).toEqual([
				['Raw', 'raw'],
				['Selected Fields', 'fields'],
				['Simplified', 'simple'],
			]);
			// Its Fields come with it, shown for Selected Fields only.
			const fields = node.properties.filter((f) => f.name === 'fields' && JSON.stringify(f.displayOptions) === JSON.stringify({ show: { ...p.displayOptions!.show, output: ['fields'] } }));
			expect(fields, path).toHaveLength(1);
			expect(fields[0]).toMatchObject({ type: 'multiOptions', default: [] });
			expect((fields[0].options as INodePropertyOptions[]).length, path).toBeGreaterThan(0);
		}
	});

	/** Reads whose name is not Get …: Contact Export returns contacts as Get Many does. */
	const READS_NOT_NAMED_GET = ['contact:export'];

	it('Output on the reads (Get …, Export), Simplify on the writes and the trigger; never both, never twice', () => {
		const shown = new Map<string, string[]>();
		for (const p of node.properties.filter((p) => p.name === 'simple' || p.name === 'output')) {
			for (const resource of (p.displayOptions?.show?.resource ?? []) as string[]) {
				const operations = (p.displayOptions?.show?.operation ?? []) as string[];
				expect(operations.length, `${p.name} for ${resource}`).toBeGreaterThan(0);
				for (const operation of operations) shown.set(`${resource}:${operation}`, [...(shown.get(`${resource}:${operation}`) ?? []), p.name]);
			}
		}
		expect(shown.size).toBeGreaterThan(0);
		const names = new Map<string, string>(
			(node.properties[0].options as INodePropertyOptions[]).flatMap((r) =>
				node.properties
					.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value))
					.flatMap((p) => (p.options as INodePropertyOptions[]).map((o): [string, string] => [`${String(r.value)}:${String(o.value)}`, o.name])),
			),
		);
		for (const [key, parameters] of shown) {
			expect(names.has(key), key).toBe(true);
			expect(parameters, key).toHaveLength(1);
			const read = names.get(key)!.startsWith('Get') || READS_NOT_NAMED_GET.includes(key);
			expect({ key, parameter: parameters[0] }).toEqual({ key, parameter: read ? 'output' : 'simple' });
		}
		const events = (trigger.properties[0].options as INodePropertyOptions[]).map((o) => String(o.value));
		const triggerSimplify = trigger.properties.filter((p) => p.name === 'simple').flatMap((p) => (p.displayOptions?.show?.event ?? []) as string[]);
		// Every event outputs more than 10 fields: each has one Simplify.
		expect([...triggerSimplify].sort()).toEqual([...events].sort());
		expect(trigger.properties.filter((p) => p.name === 'output')).toEqual([]);
	});
});

describe("n8n's UX guidelines: resources and operations", () => {
	const resources = (node.properties[0].options as INodePropertyOptions[]).map((o) => ({ value: String(o.value), noun: o.name.toLowerCase() }));
	const operationsOf = (resource: string) =>
		node.properties.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource)).flatMap((p) => p.options as INodePropertyOptions[]);

	it('Resource comes first, then Operation; neither takes an expression', () => {
		expect(node.properties[0]).toMatchObject({ name: 'resource', displayName: 'Resource', noDataExpression: true });
		for (const p of node.properties.filter((p) => p.name === 'operation')) expect(p.noDataExpression).toBe(true);
		expect(node.properties[1].name).toBe('operation');
	});

	it('each operation has a Title Case name, and an action in sentence case that names the resource', () => {
		for (const { value, noun } of resources) {
			const operations = operationsOf(value);
			expect(operations.length, value).toBeGreaterThan(0);
			for (const o of operations) {
				expect(o.name, o.name).toMatch(/^[A-Z][a-z]*( ([A-Z][a-z]*|to|or|From))*$/);
				expect(o.action, o.name).toBeDefined();
				const action = String(o.action);
				expect(action[0], action).toBe(action[0].toUpperCase());
				expect(action.slice(1), action).toBe(action.slice(1).toLowerCase());
				expect(action.toLowerCase(), action).toContain(noun === 'custom field' ? 'custom field' : noun);
				expect(o.description ?? '', o.name).toMatch(/^[A-Z]/);
			}
		}
	});

	it("Get Many, Create or Update and Delete use n8n's names and wording", () => {
		for (const { value } of resources) {
			for (const o of operationsOf(value)) {
				if (o.value === 'getAll') {
					expect(o.name).toBe('Get Many');
					expect(String(o.action)).toMatch(/^Get many /);
					expect(o.description).not.toMatch(/\ball\b/);
				}
				if (o.value === 'upsert') {
					expect(o).toMatchObject({ name: 'Create or Update', description: 'Create a new contact, or update the current one if it already exists (upsert)' });
				}
			}
		}
	});
});

describe("n8n's UX guidelines: the trigger and the codex", () => {
	it('the trigger: named "… Trigger", no inputs, not a tool, its event parameter labelled "Trigger On"', () => {
		expect(trigger.displayName).toMatch(/ Trigger$/);
		expect(trigger.inputs).toEqual([]);
		expect((trigger as INodeTypeDescription & { usableAsTool?: unknown }).usableAsTool).toBeUndefined();
		expect(trigger.properties[0]).toMatchObject({ name: 'event', displayName: 'Trigger On' });
		expect(node.usableAsTool).toBe(true);
	});

	it("codex: categories from n8n's list for community nodes, no subcategories, documentation links", () => {
		// n8n's CODEX_NODE_CATEGORIES minus "AI" (reserved for built-in AI nodes): @n8n/constants node-categories.ts.
		const allowed = ['Data & Storage', 'Finance & Accounting', 'Marketing & Content', 'Productivity', 'Miscellaneous', 'Sales', 'Development', 'Analytics', 'Communication', 'Utility'];
		for (const [file, name] of [
			['ConstantContact.node.json', 'constantContact'],
			['ConstantContactTrigger.node.json', 'constantContactTrigger'],
		]) {
			const codex = JSON.parse(readFileSync(new URL(`../../../nodes/ConstantContact/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
			expect(codex.node).toBe(`n8n-nodes-constant-contact.${name}`);
			expect(codex.categories).toEqual(['Marketing & Content', 'Communication']);
			for (const category of codex.categories as string[]) expect(allowed).toContain(category);
			expect(codex.subcategories).toBeUndefined();
			expect(codex.resources).toMatchObject({
				primaryDocumentation: [{ url: expect.stringMatching(/^https:\/\/github\.com\//) }],
				credentialDocumentation: [{ url: expect.stringMatching(/#connect-constant-contact$/) }],
			});
		}
	});
});
