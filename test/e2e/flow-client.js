'use strict';
// The test acting as an iFlow user: direct calls to the emulator's Flow API
// with the seeded admin token (to set up data the example workflows react to).
const { DEFAULT_PROJECT_ID, EMULATOR_TOKEN } = require('../../scripts/lib/credential');

function flowClient(emulatorUrl) {
	async function call(method, service, path, body) {
		const response = await fetch(`${emulatorUrl}/${service}/api/v1${path}`, {
			method,
			headers: {
				authorization: `Bearer ${EMULATOR_TOKEN}`,
				'x-project-id': DEFAULT_PROJECT_ID,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`Flow ${method} /${service}${path} -> ${response.status}: ${text}`);
		return text ? JSON.parse(text) : undefined;
	}
	return {
		call,
		async createOrderInAnalyzing(displayId) {
			const order = await call('POST', 'miner', '/orders', { display_id: displayId, priority: 'medium' });
			return call('POST', 'miner', `/orders/${order.id}/transition`, { status: 'analyzing' });
		},
		/** Submit a run whose fate is chosen through the emulator's params. */
		async submitRun(outcome, extraParams = {}) {
			const pipeline = await call('GET', 'compute', '/pipelines/slug/hereditary-mock');
			return call('POST', 'compute', '/runs', {
				pipeline_id: pipeline.id,
				params: { case_id: `e2e-${outcome}`, __emulator_outcome: outcome, __emulator_duration_ms: 0, ...extraParams },
			});
		},
	};
}

module.exports = { flowClient };
