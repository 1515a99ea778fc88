'use strict';
// A complete local setup, used by `npm start` and the e2e suite:
// Node 24 + n8n (cached install) -> build + pack this package -> install it
// into an n8n user folder as a community package -> Flow emulator -> import
// the emulator credential (and the example webhook's Header Auth) and workflows -> n8n server ->
// owner + API key.
const fs = require('node:fs');
const path = require('node:path');
const { log, step } = require('./log');
const { ensureRuntime } = require('./install');
const { build, pack, installTarball } = require('./package');
const { startEmulator } = require('./emulator');
const { createInstance, freePort } = require('./n8n');
const { createClient } = require('./api');
const { emulatorCredential, limsWebhookCredential } = require('./credential');
const { stopAll } = require('./processes');

/**
 * Copy workflow JSON files into one folder for a single `import:workflow`,
 * replacing placeholders (__EMULATOR_URL__, __N8N_URL__) on the way.
 */
function stageWorkflows(sourceDirs, targetDir, vars) {
	fs.rmSync(targetDir, { recursive: true, force: true });
	fs.mkdirSync(targetDir, { recursive: true });
	const ids = [];
	for (const dir of sourceDirs) {
		if (!fs.existsSync(dir)) continue;
		for (const file of fs
			.readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.sort()) {
			let text = fs.readFileSync(path.join(dir, file), 'utf8');
			for (const [key, value] of Object.entries(vars)) text = text.split(`__${key}__`).join(value);
			const workflow = JSON.parse(text);
			if (!workflow.id || !Array.isArray(workflow.nodes)) continue;
			ids.push(workflow.id);
			fs.writeFileSync(path.join(targetDir, `${path.basename(dir)}-${file}`), text);
		}
	}
	return ids;
}

/** Prepare the n8n user folder (package, credential, workflows), no server yet. */
async function prepare(options) {
	const { workDir, userFolder = path.join(workDir, 'home'), fresh = true, skipBuild = false, emulatorUrl } = options;
	const logDir = options.logDir ?? path.join(workDir, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	const runtime = await step('n8n runtime (Node 24 + n8n 2.41, cached after the first run)', ensureRuntime);

	const tarball = await step('build and pack n8n-nodes-iflow', async () => {
		if (!skipBuild) await build({ logFile: path.join(logDir, 'build.log') });
		return pack(path.join(workDir, 'pack'), { logFile: path.join(logDir, 'build.log') });
	});

	if (fresh) fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	const pkg = await installTarball(tarball, userFolder);
	log(`installed ${pkg.name}@${pkg.version} as a community package (${pkg.manifest.n8n?.nodes?.length ?? 0} nodes)`);
	if (pkg.missing.length > 0)
		log(`WARNING: not built, left out of the installed package.json: ${pkg.missing.join(', ')}`);

	const port = options.n8nPort ?? (await freePort());
	const instance = createInstance({
		runtime,
		userFolder,
		port,
		brokerPort: await freePort(),
		logDir,
		extra: options.n8nEnv,
	});

	await step('import the iFlow emulator credential and workflows', async () => {
		const credentialsFile = path.join(workDir, 'credentials.json');
		const credentials = [emulatorCredential(emulatorUrl), limsWebhookCredential()];
		fs.writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
		await instance.importCredentials(credentialsFile);
		const staged = path.join(workDir, 'workflows');
		const ids = stageWorkflows(options.workflowDirs ?? [], staged, {
			EMULATOR_URL: emulatorUrl,
			N8N_URL: instance.baseUrl,
		});
		if (ids.length > 0) await instance.importWorkflows(staged);
		for (const id of options.publish ?? []) await instance.publish(id);
		log(`imported ${ids.length} workflow(s)`);
	});
	return { runtime, n8n: instance, pkg, logDir, userFolder };
}

/**
 * Start the emulator, prepare n8n and start its server; returns handles and
 * a logged-in client with an API key. `stop()` stops everything started.
 */
async function startEnvironment(options) {
	const logDir = options.logDir ?? path.join(options.workDir, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	const emulator = await step('start the Flow emulator', () =>
		startEmulator({
			port: options.emulatorPort ?? 0,
			clock: options.clock,
			logFile: path.join(logDir, 'emulator.log'),
		}),
	);
	log(`Flow emulator: ${emulator.url}`);
	const prepared = await prepare({ ...options, logDir, emulatorUrl: emulator.url });
	const server = await step('start n8n', () => prepared.n8n.start('n8n'));
	const client = createClient(prepared.n8n.baseUrl);
	const owner = await client.ownerLogin();
	if (options.apiKey !== false) await client.createApiKey();
	return { ...prepared, emulator, server, client, owner, stop: stopAll };
}

module.exports = { startEnvironment, prepare, stageWorkflows };
