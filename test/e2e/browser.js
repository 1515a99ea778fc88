'use strict';
// Browser check: headless Chromium (Debian's, driven by playwright-core) logs
// into the editor, searches the nodes panel for "iFlow" and opens the
// credential form. Screenshots go to test-results/e2e/; with
// E2E_UPDATE_DOCS_IMAGE=1 the nodes-panel shot also replaces docs/images/nodes-panel.png.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { REPO } = require('../../scripts/lib/package');
const { ensureDebianPackage } = require('../../scripts/lib/debian');
const { CREDENTIAL_NAME } = require('../../scripts/lib/credential');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

// The seven service nodes and the trigger (issue 8).
const EXPECTED = ['Miner', 'Compute', 'Files', 'Admin', 'Report', 'Vcf', 'Audit', 'Trigger'].map(
	(n) => `n8n-nodes-iflow.iFlow${n}`,
);

/** The expected node types as n8n serves them (display names), failing for any it did not load. */
async function ourNodes(env) {
	const types = await env.client.get('/types/nodes.json');
	return EXPECTED.map((name) => {
		const type = types.find((t) => t.name === name);
		assert.ok(type, `n8n loaded node type ${name}`);
		return type;
	});
}

module.exports = async function browser({ test, env, resultsDir }) {
	let chromium;
	let session;
	const shot = (name) => path.join(resultsDir, name);

	await test('browser: Chromium starts and logs into the editor', async () => {
		await ensureDebianPackage(CHROMIUM, 'chromium');
		({ chromium } = require('playwright-core'));
		const instance = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
		const page = await instance.newPage({ viewport: { width: 1440, height: 1000 } });
		session = { instance, page };
		await page.goto(`${env.client.baseUrl}/signin`);
		await page.fill('input[name=emailOrLdapLoginId]', env.owner.email);
		await page.fill('input[name=password]', env.owner.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
		await page.screenshot({ path: shot('browser-home.png') });
	});

	try {
		await test('browser: the nodes panel lists every iFlow node with its icon', async () => {
			assert.ok(session, 'browser session');
			const { page } = session;
			const expected = await ourNodes(env);
			await page.goto(`${env.client.baseUrl}/workflow/new`);
			await page.click('[data-test-id=node-creator-plus-button]');
			await page.locator('[data-test-id=node-creator-search-bar]').fill('iFlow');
			// n8n shows a trigger without its " Trigger" suffix ("iFlow Trigger" -> "iFlow").
			const shownName = (node) => node.displayName.replace(/ Trigger$/, '');
			// The panel first shows its default list; wait for the search results (the assertions below report what is missing).
			await page
				.waitForFunction(
					(names) => {
						const listed = [...document.querySelectorAll('[data-test-id=node-creator-item-name]')].map((e) =>
							e.textContent.trim(),
						);
						return names.every((name) => listed.includes(name));
					},
					expected.map(shownName),
					{ timeout: 20000 },
				)
				.catch(() => {});
			// let the icons load before reading them
			await page.waitForFunction(() =>
				[...document.querySelectorAll('[data-test-id=item-iterator-item] img')].every((img) => img.complete),
			);
			const listed = await page.locator('[data-test-id=node-creator-item-name]').evaluateAll((elements) =>
				elements.map((element) => {
					const img = element.closest('[data-test-id=item-iterator-item]')?.querySelector('img');
					return {
						name: element.textContent.trim(),
						icon: img ? { src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0 } : null,
					};
				}),
			);
			await page.screenshot({ path: shot('nodes-panel.png') });
			if (process.env.E2E_UPDATE_DOCS_IMAGE === '1') {
				fs.mkdirSync(path.join(REPO, 'docs', 'images'), { recursive: true });
				fs.copyFileSync(shot('nodes-panel.png'), path.join(REPO, 'docs', 'images', 'nodes-panel.png'));
			}
			for (const node of expected) {
				const entry = listed.find((item) => item.name === shownName(node));
				assert.ok(
					entry,
					`"${shownName(node)}" (${node.name}) is in the panel (listed: ${listed.map((i) => i.name).join(', ')})`,
				);
				assert.ok(entry.icon?.loaded, `"${shownName(node)}" shows its icon (${JSON.stringify(entry.icon)})`);
				assert.match(
					entry.icon.src,
					/n8n-nodes-iflow\/dist\/icons\/iflow(\.dark)?\.svg$/,
					"the icon is the package's own",
				);
			}
		});

		await test('browser: the iFlow API credential form opens', async () => {
			assert.ok(session, 'browser session');
			const { page } = session;
			await page.goto(`${env.client.baseUrl}/home/credentials`);
			await page.getByText(CREDENTIAL_NAME, { exact: true }).first().click();
			const dialog = page.locator('[data-test-id=credential-edit-dialog]');
			await dialog.waitFor({ timeout: 15000 });
			await dialog.getByText('Personal Access Token').first().waitFor({ timeout: 15000 });
			const text = await dialog.innerText();
			for (const label of ['Environment', 'URL Template', 'Personal Access Token', 'Default Project ID']) {
				assert.ok(text.includes(label), `the form shows "${label}"`);
			}
			assert.ok(!text.includes('flow-admin-token'), 'the token is not shown');
			await page.screenshot({ path: shot('credential-form.png') });
		});
	} finally {
		await session?.instance.close();
	}
};
