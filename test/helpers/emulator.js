// Starts the Flow emulator as a child process (it is ESM; jest runs CommonJS) and talks to
// its control API. Real HTTP all the way: nothing of n8n is mocked.
const { spawn } = require('node:child_process');
const path = require('node:path');

const CLI = path.resolve(__dirname, '../emulator/cli.js');

const TOKENS = {
	admin: 'flow-admin-token',
	editor: 'flow-editor-token',
	viewer: 'flow-viewer-token',
	expired: 'flow-expired-token',
};
const PROJECT_A = 'a3d9e0f4-58c2-4b0a-8d0e-7f1d2c3b4a50';
const PROJECT_B = 'b5e0c1d2-3f4a-4b5c-9d6e-7f8091a2b3c4';
const ORG_ID = '6f1c2b9e-3a41-4d7e-9a55-0c2f6b8d1e01';

/**
 * The profile emulators start in unless told: FLOW_EMULATOR_PROFILE (so a whole jest run can be
 * pointed at `documented`), else `full`; see test/emulator/README.md "Profiles".
 */
const DEFAULT_PROFILE = process.env.FLOW_EMULATOR_PROFILE || 'full';

/**
 * `profile` defaults to DEFAULT_PROFILE.
 * @param {{clock?: 'real'|'fast'|'manual', profile?: 'full'|'documented', maxPageSize?: number, env?: Record<string,string>, args?: string[]}} [options]
 */
async function startEmulator(options = {}) {
	const profile = options.profile ?? DEFAULT_PROFILE;
	const cap = options.maxPageSize === undefined ? [] : ['--max-page-size', String(options.maxPageSize)];
	// --exit-on-stdin-close: the emulator dies with the test process, even if jest crashes.
	const args = [
		CLI,
		'--port',
		'0',
		'--clock',
		options.clock ?? 'fast',
		'--profile',
		profile,
		...cap,
		'--exit-on-stdin-close',
		...(options.args ?? []),
	];
	const child = spawn(process.execPath, args, {
		stdio: ['pipe', 'pipe', 'pipe'],
		env: { ...process.env, ...(options.env ?? {}) },
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const url = await new Promise((resolve, reject) => {
		let buffer = '';
		const onData = (chunk) => {
			buffer += chunk;
			const match = /https?:\/\/[^\s]+/.exec(buffer);
			if (match) {
				child.stdout.off('data', onData);
				child.stdout.resume();
				resolve(match[0].replace(/\/$/, ''));
			}
		};
		child.stdout.on('data', onData);
		child.once('exit', (code) => reject(new Error(`Flow emulator exited (${code}) before listening:\n${stderr}`)));
		setTimeout(() => reject(new Error(`Flow emulator did not start in 15 s:\n${stderr}`)), 15_000).unref();
	});
	return new EmulatorHandle(child, url, profile);
}

class EmulatorHandle {
	constructor(child, url, profile = 'full') {
		this.child = child;
		this.url = url;
		this.pid = child.pid;
		/** The profile the emulator serves: 'full' or 'documented'. */
		this.profile = profile;
	}

	/**
	 * Switch the profile live (the state stays). `maxPageSize` caps every list with `limit`;
	 * leaving it out clears a cap set before.
	 */
	async setProfile(name, { maxPageSize } = {}) {
		const out = await this.control('POST', '/profile', {
			profile: name,
			...(maxPageSize === undefined ? {} : { maxPageSize }),
		});
		this.profile = out.profile;
		return out;
	}

	/** Credential data for the iFlow API credential pointing at this emulator. */
	credentials(overrides = {}) {
		return {
			environment: 'custom',
			baseUrlTemplate: `${this.url}/{service}`,
			accessToken: TOKENS.admin,
			projectId: PROJECT_A,
			...overrides,
		};
	}

	async control(method, route, body) {
		const send = () =>
			fetch(`${this.url}/_emulator${route}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		// A kept-alive socket the emulator closed as idle just as it was reused ("other side
		// closed"): the request never reached it, so sending it again is safe.
		const response = await send().catch((error) => {
			if (error?.cause?.code === 'UND_ERR_SOCKET') return send();
			throw error;
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`emulator control ${method} ${route}: ${response.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	}

	reset(seed) {
		return this.control('POST', '/reset', seed);
	}

	/** The request log; `filter` keeps entries whose fields equal (or regex-match) the given values. */
	/**
	 * The request log, filtered. Reads of `/openapi.json` (nodes check what a server offers there)
	 * are left out unless the filter asks for that path.
	 */
	async requests(filter = {}) {
		const log = await this.control('GET', '/requests');
		const withDocs = filter.path !== undefined;
		return log.filter(
			(entry) =>
				(withDocs || entry.path !== '/openapi.json') &&
				Object.entries(filter).every(([key, expected]) =>
					expected instanceof RegExp ? expected.test(String(entry[key])) : entry[key] === expected,
				),
		);
	}

	clearRequests() {
		return this.control('DELETE', '/requests');
	}

	fault(rule) {
		return this.control('POST', '/faults', rule);
	}

	clearFaults() {
		return this.control('DELETE', '/faults');
	}

	clock(mode) {
		return this.control('POST', '/clock', { mode });
	}

	advance(ms) {
		return this.control('POST', '/clock/advance', { ms });
	}

	/**
	 * A direct API call, for setting up state outside the node under test.
	 * @param {string} service @param {string} method @param {string} apiPath path under /api/v1
	 * @param {{body?: unknown, token?: string, project?: string|null, query?: Record<string,string>}} [opts]
	 */
	async api(service, method, apiPath, opts = {}) {
		const url = new URL(`${this.url}/${service}/api/v1${apiPath}`);
		for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
		const headers = { authorization: `Bearer ${opts.token ?? TOKENS.admin}` };
		if (opts.project !== null) headers['x-project-id'] = opts.project ?? PROJECT_A;
		if (opts.body !== undefined) headers['content-type'] = 'application/json';
		const response = await fetch(url, {
			method,
			headers,
			body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
		});
		const text = await response.text();
		let body = text;
		try {
			body = text ? JSON.parse(text) : undefined;
		} catch {
			/* CSV or other text */
		}
		if (!response.ok && !opts.allowError) {
			throw new Error(`emulator ${method} ${service}${apiPath}: ${response.status} ${text}`);
		}
		return opts.full ? { status: response.status, body, headers: response.headers } : body;
	}

	/** Resident memory of the emulator process in bytes (Linux). */
	rss() {
		const status = require('node:fs').readFileSync(`/proc/${this.pid}/status`, 'utf8');
		return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
	}

	async stop() {
		if (this.child.exitCode !== null) return;
		await new Promise((resolve) => {
			this.child.once('exit', resolve);
			this.child.kill('SIGTERM');
			setTimeout(() => this.child.kill('SIGKILL'), 3000).unref();
		});
	}
}

module.exports = { startEmulator, EmulatorHandle, TOKENS, PROJECT_A, PROJECT_B, ORG_ID, DEFAULT_PROFILE };
