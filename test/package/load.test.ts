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

	test('package.json follows the verified-node rules', async () => {
		const { packageJson } = await loadBuiltPackage();
		expect(packageJson.dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(packageJson.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
		expect(packageJson.files).toEqual(['dist']);
		expect(packageJson.keywords).toContain('n8n-community-node-package');
	});
});
