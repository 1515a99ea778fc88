/**
 * How node descriptions are written. Every field of an action node is scoped to its resource and
 * operation, and the operation files do it the way n8n's own versioned nodes do: a `properties`
 * list and n8n's updateDisplayOptions, not a `show` condition repeated in each field.
 * `DUMP_DESCRIPTIONS=<file>` also writes what each node shows, resolved (descriptionDump.ts), to
 * compare a refactor's before and after.
 */
import type { INodeProperties } from 'n8n-workflow';

import { ACTION_NODES, ALL_NODES } from './allNodes';
import { dumpTo, repoPathExists, sourceFiles } from '../../helpers/files';
import { dumpNode } from './descriptionDump';

/** Node-wide fields, shown for every resource on purpose. */
const NODE_WIDE: Record<string, string[]> = { iFlowMiner: ['batching'] };

/** What the old way looks like: a `show` for the operation, repeated field by field. */
const HAND_WRITTEN: Array<[RegExp, string]> = [
	[/const show = \{\s*resource:/, 'a `show` constant with the resource (use updateDisplayOptions)'],
	[/\.\.\.show\b/, '`...show` (updateDisplayOptions adds the operation to each condition)'],
	[/displayOptions:\s*\{\s*show\s*\}/, '`displayOptions: { show }` in a field'],
	[/\(\{\s*show\s*\}\)/, 'a helper given `{ show }` (the operation scopes its fields)'],
	[/displayOptions:\s*\{\s*show:\s*\{[^}]*\boperation:/, 'a field naming its operation in displayOptions'],
];

describe('node descriptions', () => {
	test.each(ACTION_NODES.map((node) => [node.description.name, node] as const))(
		'%s: every field is shown for a resource and an operation',
		(name, node) => {
			const unscoped = node.description.properties
				.filter((p) => p.name !== 'resource' && p.name !== 'operation' && !NODE_WIDE[name]?.includes(p.name))
				.filter((p) => !p.displayOptions?.show?.resource?.length || !p.displayOptions?.show?.operation?.length)
				.map((p) => p.name);
			expect(unscoped).toEqual([]);
		},
	);

	test('operation fields are scoped with updateDisplayOptions, not a hand-written show', () => {
		const found: string[] = [];
		for (const { path, text } of sourceFiles('nodes')) {
			for (const [pattern, what] of HAND_WRITTEN) if (pattern.test(text)) found.push(`${path}: ${what}`);
		}
		expect(found).toEqual([]);
	});

	test('the Project field is the shared one, named project, in every node that has it', () => {
		for (const node of ALL_NODES) {
			const projects = node.description.properties.filter((p) => p.displayName === 'Project');
			expect(projects.length).toBeGreaterThan(0);
			for (const project of projects) {
				expect(project).toMatchObject({
					name: 'project',
					type: 'resourceLocator',
					default: { mode: 'list', value: '' },
				});
				expect(project.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
			}
		}
	});

	test('icons: file: paths to existing, distinct light and dark files (lint cannot see through IFLOW_ICON)', () => {
		// @n8n/community-nodes/icon-validation, on the built descriptions: the paths are relative to
		// the node's own folder (nodes/<Name>/, dist/nodes/<Name>/ once built).
		for (const node of ALL_NODES) {
			const { name, icon } = node.description;
			const folder = `nodes/${name.charAt(0).toUpperCase()}${name.slice(1)}`;
			expect(repoPathExists(folder)).toBe(true);
			const { light, dark } = icon as { light: string; dark: string };
			expect(light).not.toBe(dark);
			for (const path of [light, dark]) {
				expect(path).toMatch(/^file:.+\.svg$/);
				expect(repoPathExists(`${folder}/${path.slice('file:'.length)}`)).toBe(true);
			}
		}
	});

	test('Filters and Options are sorted by displayName (lint cannot see through their builders)', () => {
		// n8n-nodes-base/node-param-collection-type-unsorted-items, on the built descriptions: every
		// collection of filtersCollection()/optionsCollection() alphabetical by displayName
		// (localeCompare). Miner's Update Fields lead with Display ID on purpose: not checked here.
		const unsorted: string[] = [];
		const visit = (nodeName: string, props: readonly INodeProperties[]) => {
			for (const p of props) {
				const options = (p.options ?? []) as INodeProperties[];
				if (p.type === 'collection' && ['Filters', 'Options'].includes(p.displayName)) {
					const names = options.map((o) => o.displayName);
					const sorted = [...names].sort((a, b) => a.localeCompare(b));
					if (names.join('|') !== sorted.join('|')) unsorted.push(`${nodeName} ${p.name}: ${names.join(', ')}`);
				}
				if (p.type === 'collection') visit(nodeName, options);
			}
		};
		for (const node of ALL_NODES) visit(node.description.name, node.description.properties);
		expect(unsorted).toEqual([]);
	});

	test('DUMP_DESCRIPTIONS=<file>: writes what every node shows, resolved', () => {
		const dump = Object.fromEntries(ALL_NODES.map((n) => [n.description.name, dumpNode(n)]));
		expect(Object.keys(dump)).toHaveLength(12);
		dumpTo('DUMP_DESCRIPTIONS', dump);
	});
});
