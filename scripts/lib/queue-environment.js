'use strict';
// The production topology (topology.js) on this machine, for the e2e and
// `npm start -- --queue`: PostgreSQL + Redis + the Flow emulator, then every n8n
// process with its own user folder and the package installed into each (as each
// container of docker-compose.yml has it in its image), all on 127.0.0.1.
const fs = require('node:fs');
const path = require('node:path');
const { log, step } = require('./log');
const { ensureRuntime } = require('./install');
const { build, pack, installTarball } = require('./package');
const { startEmulator } = require('./emulator');
const { startPostgres } = require('./postgres');
const { startRedis } = require('./redis');
const { createInstance, freePort, ENCRYPTION_KEY } = require('./n8n');
const { createClient } = require('./api');
const { emulatorCredential, limsWebhookCredential } = require('./credential');
const { stageWorkflows } = require('./environment');
const { PROCESSES, DATABASE_BINARY_MAX_MIB, processEnv } = require('./topology');

/**
 * options: workDir, logDir, skipBuild, clock, workflowDirs, emulatorPort, mainPort, webhookPort,
 * binaryDataMaxMiB, apiKey (default true).
 * Resolves { emulator, postgres, redis, processes: {name: {instance, proc, role}}, main, webhook,
 * workers(), restartWorker(specName, name), client, owner, mainUrl, webhookUrl, site }.
 */
async function startQueueEnvironment(options) {
	const { workDir, logDir = path.join(workDir, 'logs') } = options;
	fs.mkdirSync(logDir, { recursive: true });
	const runtime = await step('n8n runtime (Node 24 + n8n 2.41, cached after the first run)', ensureRuntime);
	const tarball = await step('build and pack n8n-nodes-iflow', async () => {
		if (!options.skipBuild) await build({ logFile: path.join(logDir, 'build.log') });
		return pack(path.join(workDir, 'pack'), { logFile: path.join(logDir, 'build.log') });
	});

	const emulator = await step('start the Flow emulator', () =>
		startEmulator({
			port: options.emulatorPort ?? 0,
			clock: options.clock,
			logFile: path.join(logDir, 'emulator.log'),
		}),
	);
	const [postgres, redis] = await step('start PostgreSQL and Redis', () =>
		Promise.all([
			startPostgres({ logFile: path.join(logDir, 'postgres.log') }),
			startRedis({ logFile: path.join(logDir, 'redis.log') }),
		]),
	);
	log(`PostgreSQL on 127.0.0.1:${postgres.port}, Redis on 127.0.0.1:${redis.port}`);

	const mainPort = options.mainPort ?? (await freePort());
	const webhookPort = options.webhookPort ?? (await freePort());
	const mainUrl = `http://127.0.0.1:${mainPort}`;
	const webhookUrl = `http://127.0.0.1:${webhookPort}`;
	const site = {
		postgres,
		redis: { host: '127.0.0.1', port: redis.port },
		mainUrl: `${mainUrl}/`,
		webhookUrl: `${webhookUrl}/`,
		listenAddress: '127.0.0.1',
		encryptionKey: ENCRYPTION_KEY,
		binaryDataMaxMiB: options.binaryDataMaxMiB ?? DATABASE_BINARY_MAX_MIB,
	};

	// One user folder per process, the package installed into each.
	const instances = {};
	await step(`install n8n-nodes-iflow into ${PROCESSES.length} n8n user folders`, async () => {
		for (const spec of PROCESSES) {
			const userFolder = path.join(workDir, spec.name);
			fs.rmSync(userFolder, { recursive: true, force: true });
			fs.mkdirSync(userFolder, { recursive: true });
			const pkg = await installTarball(tarball, userFolder);
			if (pkg.missing.length > 0) log(`WARNING: ${spec.name}: not built, left out: ${pkg.missing.join(', ')}`);
			const port = spec.role === 'webhook' ? webhookPort : mainPort;
			instances[spec.name] = createInstance({
				runtime,
				userFolder,
				port,
				brokerPort: await freePort(),
				logDir,
				extra: processEnv(spec.role, { ...site, port }),
			});
		}
	});

	const [mainSpec] = PROCESSES;
	const main = instances[mainSpec.name];
	await step('import the iFlow emulator credential and workflows (into PostgreSQL)', async () => {
		const credentialsFile = path.join(workDir, 'credentials.json');
		const credentials = [emulatorCredential(emulator.url), limsWebhookCredential()];
		fs.writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
		await main.importCredentials(credentialsFile);
		const staged = path.join(workDir, 'workflows');
		const ids = stageWorkflows(options.workflowDirs ?? [], staged, { EMULATOR_URL: emulator.url, N8N_URL: mainUrl });
		if (ids.length > 0) await main.importWorkflows(staged);
		for (const id of options.publish ?? []) await main.publish(id);
		log(`imported ${ids.length} workflow(s)`);
	});

	const processes = {};
	const startOne = async (spec, name = spec.name) => {
		const instance = instances[spec.name];
		const proc =
			spec.role === 'worker'
				? await instance.startWorker(name, { args: spec.args })
				: await instance.start(name, spec.args[0]);
		processes[name] = { ...spec, name, instance, proc };
		return proc;
	};
	// The import above ran the DB migrations, so all processes can start at once.
	await step('start the n8n main, 2 workers and the webhook processor', () =>
		Promise.all(PROCESSES.map((spec) => startOne(spec))),
	);

	const client = createClient(mainUrl, { webhookUrl });
	const owner = await client.ownerLogin();
	if (options.apiKey !== false) await client.createApiKey();
	const byRole = (role) => Object.values(processes).filter((p) => p.role === role);
	return {
		runtime,
		emulator,
		postgres,
		redis,
		site,
		mainUrl,
		webhookUrl,
		logDir,
		client,
		owner,
		processes,
		main: processes[mainSpec.name].proc,
		webhook: byRole('webhook')[0].proc,
		/** The workers running now (a restarted one replaces the one it stands for). */
		workers: () => byRole('worker').map((p) => p.proc),
		/** Start a worker again with the user folder and variables of `specName`, under a new name. */
		restartWorker: async (specName, name) => {
			delete processes[specName];
			return startOne(
				PROCESSES.find((s) => s.name === specName),
				name,
			);
		},
	};
}

module.exports = { startQueueEnvironment };
