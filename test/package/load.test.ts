/** The built package (dist/) as n8n's own loader sees it. Needs `npm run build` (npm test does it). */
import { isBuilt, loadBuiltPackage } from '../helpers/package';

(isBuilt() ? describe : describe.skip)('package loads through n8n', () => {
	test('every registered node and the credential load, with icons', async () => {
		const { credentials, nodes, packageJson } = await loadBuiltPackage();
		expect(credentials).toEqual([{ name: 'iFlowApi', iconExists: true }]);
		expect(nodes).toHaveLength(packageJson.n8n.nodes.length);
		for (const node of nodes) {
			expect(node.iconExists).toBe(true);
			// Action nodes are AI tools; the trigger polls.
			expect(Boolean(node.description.usableAsTool) !== Boolean(node.description.polling)).toBe(true);
		}
	});

	test("each trigger pairs with its action node in n8n's nodes panel; the original iFlow Trigger is hidden", async () => {
		const { nodes } = await loadBuiltPackage();
		const byName = new Map(nodes.map((node) => [node.description.name, node.description]));
		const triggers = nodes.filter((node) => node.description.group.includes('trigger')).map((node) => node.description);
		// The editor's panel merges a trigger into the action node named like it minus "Trigger"
		// (generateMergedNodesAndActions: trigger.name.replace('Trigger', '')), and leaves out hidden types.
		const shown = triggers.filter((trigger) => !trigger.hidden);
		expect(shown.map((trigger) => trigger.name).sort()).toEqual([
			'iFlowComputeTrigger',
			'iFlowFilesTrigger',
			'iFlowMinerTrigger',
			'iFlowReportTrigger',
		]);
		for (const trigger of shown) {
			const action = byName.get(trigger.name.replace('Trigger', ''));
			expect(action?.usableAsTool).toBe(true);
			expect(trigger.displayName).toBe(`${action?.displayName} Trigger`);
			expect(trigger.codex?.categories).toEqual(action?.codex?.categories);
		}
		// Saved workflows still find the original type.
		expect(byName.get('iFlowTrigger')).toMatchObject({ hidden: true, polling: true });
	});

	test('package.json follows the verified-node rules', async () => {
		const { packageJson } = await loadBuiltPackage();
		expect(packageJson.dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(packageJson.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
		expect(packageJson.files).toEqual(['dist']);
		expect(packageJson.keywords).toContain('n8n-community-node-package');
	});
});
