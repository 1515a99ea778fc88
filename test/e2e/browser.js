'use strict';
// Browser check: headless Chromium (Debian's, driven by playwright-core) uses the editor as a new
// user would: the nodes panel (every iFlow node, each with its trigger events), the AI Agent's
// tool list, every iFlow node's parameter panel, the LIMS example on the canvas and the
// credential form. Screenshots go to test-results/e2e/; with E2E_UPDATE_DOCS_IMAGE=1 the ones
// the README shows also replace docs/images/ (DOC_IMAGES).
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

const PACKAGE = 'n8n-nodes-iflow';
// The seven service nodes (issue 8); their triggers are merged into them in the panel.
const ACTION_NODES = ['Miner', 'Compute', 'Files', 'Admin', 'Report', 'Vcf', 'Audit'].map(
	(n) => `${PACKAGE}.iFlow${n}`,
);
// Imported from test/e2e/workflows/browser-panels.json and examples/.
const PANELS_WORKFLOW = 'e2eBrowserPanels';
const LIMS_WORKFLOW = 'iflowExLimsIntake';
// Screenshots the README shows (test-results/e2e/<name> → docs/images/<name>).
const DOC_IMAGES = ['nodes-panel.png', 'miner-actions.png', 'miner-node.png', 'agent-tools.png', 'lims-example.png'];

/**
 * Our node types as n8n serves them. The panel pairs a trigger with the action node named like it
 * minus "Trigger" and leaves hidden types out (the editor's generateMergedNodesAndActions).
 */
async function ourTypes(env) {
	const types = (await env.client.get('/types/nodes.json')).filter((t) => t.name.startsWith(`${PACKAGE}.`));
	const actions = ACTION_NODES.map((name) => {
		const type = types.find((t) => t.name === name);
		assert.ok(type, `n8n loaded node type ${name}`);
		return type;
	});
	const triggers = types.filter((t) => t.group.includes('trigger') && !t.hidden);
	const eventsOf = (action) => {
		const trigger = triggers.find((t) => t.name.replace('Trigger', '') === action.name);
		const field = trigger?.properties.find((p) => p.name === 'event');
		return (field?.options ?? []).map((o) => o.name);
	};
	return { types, actions, triggers, eventsOf };
}

/**
 * Items of the nodes panel's open view (the one on top: views opened before stay in the page
 * while they slide away), grouped under their category headers (Triggers, Actions).
 */
async function panelSections(page) {
	return page.locator('[data-test-id=node-creator]').evaluate((root) => {
		const headers = root.querySelectorAll('[data-test-id=nodes-list-header]');
		const view = headers[headers.length - 1]?.parentElement ?? root;
		const sections = {};
		let current = '';
		for (const el of view.querySelectorAll(
			'[data-test-id=node-creator-category-item], [data-test-id=node-creator-item-name], [data-test-id=actions-panel-no-triggers-callout]',
		)) {
			const text = el.textContent.trim();
			const id = el.getAttribute('data-test-id');
			if (id === 'node-creator-category-item') {
				current = text.replace(/\s*\(\d+\)$/, '');
				sections[current] = { header: text, items: [], callout: null };
			} else if (id === 'actions-panel-no-triggers-callout') {
				if (sections[current]) sections[current].callout = text;
			} else if (sections[current]) sections[current].items.push(text);
		}
		return { title: view.textContent, sections };
	});
}

module.exports = async function browser({ test, env, resultsDir }) {
	let chromium;
	let session;
	const shot = (name) => path.join(resultsDir, name);
	const base = env.client.baseUrl;

	await test('browser: Chromium starts and logs into the editor', async () => {
		await ensureDebianPackage(CHROMIUM, 'chromium');
		({ chromium } = require('playwright-core'));
		const instance = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
		const page = await instance.newPage({ viewport: { width: 1440, height: 1000 } });
		session = { instance, page };
		await page.goto(`${base}/signin`);
		await page.fill('input[name=emailOrLdapLoginId]', env.owner.email);
		await page.fill('input[name=password]', env.owner.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
		await page.screenshot({ path: shot('browser-home.png') });
	});

	/** The nodes panel of a new workflow, searched for `term`, once its results list `names`. */
	async function searchPanel(page, term, names) {
		await page.goto(`${base}/workflow/new`);
		await page.click('[data-test-id=node-creator-plus-button]');
		await page.locator('[data-test-id=node-creator-search-bar]').fill(term);
		// The panel first shows its default list; wait for the search results (assertions report what is missing).
		await page
			.waitForFunction(
				(wanted) => {
					const listed = [...document.querySelectorAll('[data-test-id=node-creator-item-name]')].map((e) =>
						e.textContent.trim(),
					);
					return wanted.every((name) => listed.includes(name));
				},
				names,
				{ timeout: 20000 },
			)
			.catch(() => {});
	}

	/** Open a workflow on the canvas and wait for its nodes. */
	async function openWorkflow(page, id) {
		await page.goto(`${base}/workflow/${id}`);
		await page.locator('[data-test-id=canvas-node]').first().waitFor({ timeout: 30000 });
	}

	try {
		await test('browser: the nodes panel lists every iFlow node with its icon (the original iFlow Trigger hidden)', async () => {
			assert.ok(session, 'browser session');
			const { page } = session;
			const { actions } = await ourTypes(env);
			await searchPanel(
				page,
				'iFlow',
				actions.map((a) => a.displayName),
			);
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
			await page.locator('[data-test-id=node-creator]').screenshot({ path: shot('nodes-panel.png') });
			const names = listed.map((i) => i.name);
			for (const node of actions) {
				const entry = listed.find((item) => item.name === node.displayName);
				assert.ok(entry, `"${node.displayName}" (${node.name}) is in the panel (listed: ${names.join(', ')})`);
				assert.ok(entry.icon?.loaded, `"${node.displayName}" shows its icon (${JSON.stringify(entry.icon)})`);
				assert.match(
					entry.icon.src,
					/n8n-nodes-iflow\/dist\/icons\/iflow(\.dark)?\.svg$/,
					"the icon is the package's own",
				);
			}
			// A trigger that pairs with no action node would be listed on its own, without " Trigger" ("iFlow").
			const ours = names.filter((name) => /^iFlow\b/.test(name));
			assert.deepEqual(
				ours.sort(),
				actions.map((a) => a.displayName).sort(),
				'only the action nodes: every trigger is merged into its node, the hidden one is not listed',
			);
		});

		await test("browser: each iFlow node's panel offers its own trigger events", async () => {
			assert.ok(session, 'browser session');
			const { page } = session;
			const { actions, eventsOf } = await ourTypes(env);
			const seen = {};
			await searchPanel(
				page,
				'iFlow',
				actions.map((a) => a.displayName),
			);
			for (const action of actions) {
				await page
					.locator('[data-test-id=node-creator-item-name]', { hasText: new RegExp(`^${action.displayName}$`) })
					.first()
					.click();
				// the node's view is on top once its header names it and its categories are listed
				await page.waitForFunction(
					(name) => {
						const headers = document.querySelectorAll('[data-test-id=node-creator] [data-test-id=nodes-list-header]');
						const view = headers[headers.length - 1]?.parentElement;
						const categories = [...(view?.querySelectorAll('[data-test-id=node-creator-category-item]') ?? [])];
						return !!view?.textContent.includes(name) && categories.some((c) => /^Triggers/.test(c.textContent.trim()));
					},
					action.displayName,
					{ timeout: 10000 },
				);
				const { sections } = await panelSections(page);
				if (action.name.endsWith('.iFlowMiner'))
					await page.locator('[data-test-id=node-creator]').screenshot({ path: shot('miner-actions.png') });
				// back to the search results for the next node
				await page.locator('[data-test-id=nodes-list-header]').last().locator('button').first().click();
				await page.waitForFunction(
					() => document.querySelectorAll('[data-test-id=node-creator] [data-test-id=nodes-list-header]').length === 1,
				);
				const events = eventsOf(action);
				const triggers = sections.Triggers;
				seen[action.displayName] = triggers;
				assert.ok(sections.Actions, `${action.displayName}: the panel lists its actions (${JSON.stringify(sections)})`);
				if (events.length === 0) {
					// Admin, VCF, Audit: nothing in the reference to trigger on; n8n suggests Schedule/Webhook.
					assert.match(triggers?.callout ?? '', /No .* Triggers available/, `${action.displayName}: n8n's callout`);
					continue;
				}
				assert.equal(triggers?.callout ?? null, null, `${action.displayName}: no "No … Triggers available"`);
				assert.deepEqual(
					triggers.items.map((t) => t.toLowerCase()),
					events.map((e) => `on ${e.toLowerCase()}`),
					`${action.displayName}: its trigger events`,
				);
			}
			const withTriggers = Object.entries(seen).filter(([, t]) => !t?.callout);
			assert.equal(withTriggers.length, 4, `Miner, Compute, Files and Report have triggers: ${JSON.stringify(seen)}`);
		});

		await test("browser: each iFlow node's Tool variant is offered under an AI Agent's tools", async () => {
			assert.ok(session, 'browser session');
			const { page } = session;
			const { actions } = await ourTypes(env);
			// The panels workflow holds an AI Agent; its Tool handle opens the tools list.
			await openWorkflow(page, PANELS_WORKFLOW);
			const toolHandle = page.locator(
				'[data-node-name="AI Agent"] [data-test-id=canvas-node-input-handle][data-connection-type=ai_tool] [data-test-id=canvas-handle-plus]',
			);
			// The canvas zooms to fit as it opens: a click during that can land elsewhere, so retry.
			for (let attempt = 1; ; attempt++) {
				await page.waitForTimeout(500);
				await toolHandle.click();
				const opened = await page
					.locator('[data-test-id=node-creator] [data-test-id=nodes-list-header]', { hasText: 'Tools' })
					.first()
					.waitFor({ timeout: 5000 })
					.then(() => true)
					.catch(() => false);
				if (opened) break;
				assert.ok(attempt < 3, "the AI Agent's Tool handle opens the tools list");
				await page.keyboard.press('Escape');
			}
			await page.locator('[data-test-id=node-creator-search-bar]').fill('iFlow');
			const tools = actions.map((a) => `${a.displayName} Tool`);
			await page
				.waitForFunction(
					(wanted) => {
						const listed = [...document.querySelectorAll('[data-test-id=node-creator-item-name]')].map((e) =>
							e.textContent.trim(),
						);
						return wanted.every((name) => listed.includes(name));
					},
					tools,
					{ timeout: 15000 },
				)
				.catch(() => {});
			const listed = await page.locator('[data-test-id=node-creator-item-name]').allInnerTexts();
			await page.locator('[data-test-id=node-creator]').screenshot({ path: shot('agent-tools.png') });
			for (const tool of tools) assert.ok(listed.includes(tool), `"${tool}" is offered (listed: ${listed.join(', ')})`);
			await page.keyboard.press('Escape');
		});

		await test('browser: every iFlow node opens in the editor; each field is labelled and explained, no bare "ID"', async () => {
			assert.ok(session, 'browser session');
			const { page } = session;
			const { types } = await ourTypes(env);
			await openWorkflow(page, PANELS_WORKFLOW);
			const nodes = await page
				.locator('[data-test-id=canvas-node]')
				.evaluateAll((els) =>
					els.map((e) => ({ name: e.getAttribute('data-node-name'), type: e.getAttribute('data-node-type') })),
				);
			const opened = nodes.filter((n) => n.type?.startsWith(`${PACKAGE}.`));
			// Every type but the generated "… Tool" variants; the hidden iFlow Trigger as a saved workflow has it.
			const nodeTypes = types.filter((t) => !t.name.endsWith('Tool')).map((t) => t.name);
			assert.deepEqual(
				[...new Set(opened.map((n) => n.type))].sort(),
				nodeTypes.sort(),
				'the panels workflow holds every iFlow node type',
			);
			const problems = [];
			for (const node of opened) {
				await page.locator(`[data-test-id=canvas-node][data-node-name="${node.name}"]`).dblclick();
				const params = page.locator('[data-test-id=ndv] [data-test-id=node-parameters]');
				await params.waitFor({ timeout: 15000 });
				await page.waitForTimeout(200); // fields shown by displayOptions settle
				if (node.name === 'Miner: Create Order') {
					// the parameters pane (input and output panes are empty here)
					const pane = params.locator('xpath=ancestor::*[.//*[@data-test-id="tab-params"]][1]');
					await pane.screenshot({ path: shot('miner-node.png') });
				}
				const items = params.locator('[data-test-id=parameter-item]:visible');
				const fields = await items.evaluateAll((els) =>
					els.map((e) => {
						const label = e.querySelector('[data-test-id=input-label] label');
						const placeholders = [...e.querySelectorAll('input, textarea')]
							.map((i) => i.getAttribute('placeholder'))
							.filter((p) => p && p !== 'Mode...' && p !== 'Select Credential');
						return {
							notice: label ? null : (e.querySelector('[class*=notice]')?.textContent.trim() ?? null),
							label: label ? (label.querySelector('[class*=title]') ?? label).textContent.trim() : null,
							explained: !!e.querySelector('[data-test-id=input-label] [class*=infoIcon]'),
							// an example to type over (not a dropdown's "Select" or a collection's "Add …")
							example: placeholders.some((p) => !/^(Select$|Add )/.test(p)),
							// a list, a switch or a collection: the choices are on screen
							choice:
								placeholders.some((p) => /^(Select$|Add )/.test(p)) ||
								!!e.querySelector('[role=switch], .el-switch') ||
								[...e.querySelectorAll('button')].some((b) => /^Add /.test(b.textContent.trim())),
						};
					}),
				);
				for (const [index, field] of fields.entries()) {
					const where = `${node.name} › ${field.label ?? `field ${index + 1}`}`;
					if (field.notice) continue; // a notice explains itself
					if (!field.label) problems.push(`${where}: no label`);
					else if (/^id$/i.test(field.label)) problems.push(`${where}: a bare "ID" label`);
					else if (!field.explained && !field.example && !field.choice) problems.push(`${where}: no hint or example`);
					if (!field.label || !/\bID\b/.test(field.label)) continue;
					// An ID field says where the ID comes from: read its tooltip as a user would.
					const item = items.nth(index);
					await item.locator('[data-test-id=input-label] label').first().hover();
					await item.locator('[data-test-id=input-label] [class*=infoIcon] > span').first().hover();
					const tip = page.locator('[data-test-id=tooltip-content]:visible').last();
					const text = await tip
						.innerText({ timeout: 3000 })
						.then((t) => t.trim())
						.catch(() => '');
					if (text.length < 25) problems.push(`${where}: the tooltip does not say where the ID comes from ("${text}")`);
					await page.mouse.move(0, 0);
				}
				if (
					node.type === `${PACKAGE}.iFlowTrigger` &&
					!fields.some((f) => /use the trigger of the service/.test(f.notice))
				)
					problems.push(`${node.name}: no notice pointing to the per-service triggers`);
				await page.keyboard.press('Escape');
				await page
					.locator('[data-test-id=ndv]')
					.waitFor({ state: 'hidden', timeout: 5000 })
					.catch(() => {});
			}
			assert.deepEqual(problems, [], 'every field a user fills is labelled and explained');
		});

		await test('browser: the LIMS example opens on the canvas', async () => {
			assert.ok(session, 'browser session');
			const { page } = session;
			// the workflow is long and flat: a wide window, zoomed to fit, cut to the nodes
			await page.setViewportSize({ width: 1920, height: 1000 });
			try {
				await openWorkflow(page, LIMS_WORKFLOW);
				await page.locator('[data-test-id=zoom-to-fit]').click();
				await page.waitForTimeout(500); // the zoom animates
				const types = await page
					.locator('[data-test-id=canvas-node]')
					.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-type')));
				assert.ok(
					types.some((type) => type.startsWith(`${PACKAGE}.`)),
					'the example holds iFlow nodes',
				);
				const clip = await page.evaluate(() => {
					const boxes = [...document.querySelectorAll('.vue-flow__node')].map((e) => e.getBoundingClientRect());
					const margin = 24;
					const left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - margin);
					const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - margin);
					const right = Math.max(...boxes.map((b) => b.right)) + margin;
					const bottom = Math.max(...boxes.map((b) => b.bottom)) + margin;
					return { x: left, y: top, width: right - left, height: bottom - top };
				});
				await page.screenshot({ path: shot('lims-example.png'), clip });
			} finally {
				await page.setViewportSize({ width: 1440, height: 1000 });
			}
		});

		await test('browser: the iFlow API credential form opens', async () => {
			assert.ok(session, 'browser session');
			const { page } = session;
			await page.goto(`${base}/home/credentials`);
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
		if (process.env.E2E_UPDATE_DOCS_IMAGE === '1') {
			fs.mkdirSync(path.join(REPO, 'docs', 'images'), { recursive: true });
			for (const name of DOC_IMAGES)
				if (fs.existsSync(shot(name))) fs.copyFileSync(shot(name), path.join(REPO, 'docs', 'images', name));
		}
	}
};
