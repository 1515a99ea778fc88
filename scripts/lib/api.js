'use strict';
// Talking to a running n8n: owner setup and login (internal REST, cookie),
// a public-API key, executions, activation, webhooks.
const { waitFor } = require('./n8n');

const OWNER = {
	email: 'owner@iflow.local',
	password: 'IflowDemo2026',
	firstName: 'iFlow',
	lastName: 'Demo',
};

/** `webhookUrl`: where production webhooks are served (queue mode: the webhook processor); default baseUrl. */
function createClient(baseUrl, { webhookUrl = baseUrl } = {}) {
	let cookie = '';
	let apiKey = '';

	async function request(method, url, { body, headers = {}, expect = [200] } = {}) {
		const response = await fetch(url, {
			method,
			headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		const text = await response.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (expect && !expect.includes(response.status)) {
			throw new Error(`${method} ${url.replace(baseUrl, '')} -> ${response.status}: ${text.slice(0, 500)}`);
		}
		return { status: response.status, json, text, headers: response.headers };
	}

	/** Internal REST (/rest/...), with the login cookie. */
	async function rest(method, route, body, options = {}) {
		const response = await request(method, `${baseUrl}/rest${route}`, {
			body,
			headers: cookie ? { cookie } : {},
			...options,
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) cookie = auth.split(';')[0];
		return response.json;
	}

	/** Any other path (e.g. /types/nodes.json), with the login cookie. */
	async function get(route) {
		return (await request('GET', `${baseUrl}${route}`, { headers: cookie ? { cookie } : {} })).json;
	}

	/** Public API (/api/v1/...), with the API key. */
	async function api(method, route, body, options = {}) {
		const response = await request(method, `${baseUrl}/api/v1${route}`, {
			body,
			headers: { 'X-N8N-API-KEY': apiKey },
			...options,
		});
		return response.json;
	}

	/** Turn the shell owner into a real user (first run) or log in (later runs). */
	async function ownerLogin(owner = OWNER) {
		const settings = await rest('GET', '/settings');
		if (settings?.data?.userManagement?.showSetupOnFirstLoad) {
			await rest('POST', '/owner/setup', owner);
		} else {
			await rest('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		}
		return owner;
	}

	/** A public-API key with every scope the owner may grant. */
	async function createApiKey(label = `local-${Date.now()}`) {
		const scopes = (await rest('GET', '/api-keys/scopes')).data;
		apiKey = (await rest('POST', '/api-keys', { label, scopes, expiresAt: null })).data.rawApiKey;
		return apiKey;
	}

	/** Activation applies asynchronously (~0.3 s): callWebhook retries 404 until it took effect. */
	async function activate(workflowId) {
		await api('POST', `/workflows/${workflowId}/activate`);
	}
	async function deactivate(workflowId) {
		await api('POST', `/workflows/${workflowId}/deactivate`);
	}

	async function executions(workflowId, { status, limit = 20 } = {}) {
		const qs = new URLSearchParams({ workflowId, limit: String(limit), ...(status ? { status } : {}) });
		return (await api('GET', `/executions?${qs}`)).data;
	}
	async function execution(id) {
		return api('GET', `/executions/${id}?includeData=true`);
	}

	/** Wait for a newer execution of a workflow (id > afterId) in `status`; returns it with data. */
	async function waitForExecution(workflowId, status, { afterId = 0, timeoutMs = 60000 } = {}) {
		const found = await waitFor(`an execution of ${workflowId} with status ${status}`, timeoutMs, async () => {
			const list = await executions(workflowId, { status, limit: 5 });
			return list.find((e) => Number(e.id) > Number(afterId));
		});
		return execution(found.id);
	}

	/** POST to a production webhook (with `headers`, e.g. its auth), retrying 404 until the activation took effect. */
	async function callWebhook(route, body, { method = 'POST', timeoutMs = 20000, expect = [200], headers = {} } = {}) {
		let last;
		await waitFor(`webhook /webhook/${route}`, timeoutMs, async () => {
			last = await request(method, `${webhookUrl.replace(/\/+$/, '')}/webhook/${route}`, {
				body,
				headers,
				expect: null,
			});
			return last.status !== 404;
		});
		if (!expect.includes(last.status))
			throw new Error(`webhook ${route} -> ${last.status}: ${last.text.slice(0, 500)}`);
		return last.json ?? last.text;
	}

	return {
		baseUrl,
		webhookUrl,
		request,
		get,
		rest,
		api,
		ownerLogin,
		createApiKey,
		activate,
		deactivate,
		executions,
		execution,
		waitForExecution,
		callWebhook,
		get apiKey() {
			return apiKey;
		},
	};
}

module.exports = { createClient, OWNER };
