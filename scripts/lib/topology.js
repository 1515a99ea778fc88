'use strict';
// The production topology for n8n with this package, as data: PostgreSQL, Redis,
// one main (editor, API, activation: triggers and pollers run here only), two
// workers (run every execution), one webhook processor (production webhooks and
// Wait resumes; the main serves none). The e2e (test/e2e/queue.js), `npm start
// -- --queue` and docker-compose.yml (scripts/compose.js writes it,
// test/scripts/compose.test.js checks it) all take each process's variables from
// processEnv(), so the three cannot drift apart.

/** The n8n processes, in start order (the main first: it runs the DB migrations). */
const PROCESSES = [
	{ name: 'n8n-main', role: 'main', args: ['start'] },
	{ name: 'n8n-worker-1', role: 'worker', args: ['worker', '--concurrency=5'] },
	{ name: 'n8n-worker-2', role: 'worker', args: ['worker', '--concurrency=5'] },
	{ name: 'n8n-webhook', role: 'webhook', args: ['webhook'] },
];

/** n8n's default N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE (MiB); the e2e lowers it to keep files small. */
const DATABASE_BINARY_MAX_MIB = 512;

/**
 * n8n variables of one process. `site` says where everything is:
 *   postgres { host, port, database, user, password }, redis { host, port },
 *   mainUrl, webhookUrl (public base URLs, ending in /), listenAddress,
 *   port (this process's HTTP port), encryptionKey, binaryDataMaxMiB.
 * Values are strings (docker compose may interpolate ${...} in them).
 */
function processEnv(role, site) {
	const env = {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: site.postgres.host,
		DB_POSTGRESDB_PORT: String(site.postgres.port),
		DB_POSTGRESDB_DATABASE: site.postgres.database,
		DB_POSTGRESDB_USER: site.postgres.user,
		DB_POSTGRESDB_PASSWORD: site.postgres.password,
		QUEUE_BULL_REDIS_HOST: site.redis.host,
		QUEUE_BULL_REDIS_PORT: String(site.redis.port),
		// one key everywhere: whichever worker runs an execution decrypts the iFlow credential
		N8N_ENCRYPTION_KEY: site.encryptionKey,
		// files live in PostgreSQL, which every process reads (n8n's queue-mode default, stated;
		// `filesystem` is per machine and not supported in queue mode)
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE: String(site.binaryDataMaxMiB),
		// base of /webhook/... and of $execution.resumeUrl (/webhook-waiting/...): the webhook processor
		N8N_WEBHOOK_URL: site.webhookUrl,
		N8N_EDITOR_BASE_URL: site.mainUrl,
	};
	if (role === 'main') {
		env.N8N_DISABLE_PRODUCTION_MAIN_PROCESS = 'true'; // production webhooks go to the webhook processor
	}
	if (role === 'main' || role === 'webhook') {
		env.N8N_LISTEN_ADDRESS = site.listenAddress;
		env.N8N_PORT = String(site.port);
	}
	return env;
}

/** Every variable name processEnv() sets for a role (for docs and checks). */
function variableNames(role) {
	const any = { host: 'x', port: 1, database: 'x', user: 'x', password: 'x' };
	const site = { postgres: any, redis: any, mainUrl: 'x', webhookUrl: 'x', listenAddress: 'x', port: 1 };
	return Object.keys(processEnv(role, { ...site, encryptionKey: 'x', binaryDataMaxMiB: 1 }));
}

module.exports = { PROCESSES, DATABASE_BINARY_MAX_MIB, processEnv, variableNames };
