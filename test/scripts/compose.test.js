'use strict';
// docker-compose.yml mirrors the topology the e2e runs: it is rendered from
// scripts/lib/topology.js, whose processEnv() also gives every n8n process of the
// e2e and of `npm start -- --queue` its variables. No Docker engine runs it here.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const REPO = path.resolve(__dirname, '..', '..');
const { renderCompose } = require('../../scripts/lib/compose');
const { PROCESSES, processEnv, variableNames } = require('../../scripts/lib/topology');
const { N8N_VERSION } = require('../../scripts/lib/install');

const file = path.join(REPO, 'docker-compose.yml');
const compose = () => YAML.parse(fs.readFileSync(file, 'utf8'), { merge: true });

test('docker-compose.yml is what scripts/compose.js renders from the topology (run it after changing topology.js)', () => {
	assert.equal(fs.readFileSync(file, 'utf8'), renderCompose());
});

test('compose has the e2e processes, each with exactly the variables the e2e gives that process', () => {
	const { services } = compose();
	assert.deepEqual(Object.keys(services).sort(), ['postgres', 'redis', ...PROCESSES.map((p) => p.name)].sort());
	for (const spec of PROCESSES) {
		const service = services[spec.name];
		assert.deepEqual(Object.keys(service.environment), variableNames(spec.role), spec.name);
		assert.deepEqual(service.command, spec.args, `${spec.name} runs n8n ${spec.args.join(' ')}`);
	}
});

test('the e2e builds its processes from the same function (no private copy of the variables)', () => {
	const source = fs.readFileSync(path.join(REPO, 'scripts', 'lib', 'queue-environment.js'), 'utf8');
	assert.match(source, /processEnv\(spec\.role,/);
	assert.match(source, /for \(const spec of PROCESSES\)/);
	const e2e = fs.readFileSync(path.join(REPO, 'test', 'e2e', 'queue.js'), 'utf8');
	assert.match(e2e, /startQueueEnvironment\(/);
});

test('the topology is queue mode on PostgreSQL with database binary data, one key, webhooks off the main', () => {
	const site = {
		postgres: { host: 'db', port: 5432, database: 'n8n', user: 'n8n', password: 'pw' },
		redis: { host: 'redis', port: 6379 },
		mainUrl: 'https://n8n.example.org/',
		webhookUrl: 'https://hooks.example.org/',
		listenAddress: '0.0.0.0',
		port: 5678,
		encryptionKey: 'k',
		binaryDataMaxMiB: 512,
	};
	for (const role of ['main', 'worker', 'webhook']) {
		const env = processEnv(role, site);
		assert.equal(env.EXECUTIONS_MODE, 'queue');
		assert.equal(env.DB_TYPE, 'postgresdb');
		assert.equal(env.N8N_DEFAULT_BINARY_DATA_MODE, 'database');
		assert.equal(env.N8N_ENCRYPTION_KEY, 'k');
		assert.equal(
			env.N8N_WEBHOOK_URL,
			'https://hooks.example.org/',
			`${role}: resume URLs point at the webhook processor`,
		);
	}
	assert.equal(processEnv('main', site).N8N_DISABLE_PRODUCTION_MAIN_PROCESS, 'true');
	assert.equal(processEnv('worker', site).N8N_PORT, undefined, 'a worker serves no HTTP');
});

test('the compose image installs the tarball of this package version', () => {
	const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	const { services } = compose();
	assert.match(
		services['n8n-main'].build.dockerfile_inline,
		new RegExp(`n8n-nodes-iflow-${version.replace(/\./g, '\\.')}\\.tgz`),
	);
	assert.ok(
		services['n8n-main'].build.dockerfile_inline.includes(`FROM n8nio/n8n:${N8N_VERSION}\n`),
		'the n8n the e2e runs',
	);
});
