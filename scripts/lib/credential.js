'use strict';
// The iFlow API credential every local instance gets: it points at the Flow
// emulator with the seeded admin token. Workflows (examples/) refer to it by
// this fixed id.
const CREDENTIAL_ID = 'iflowEmulator001';
const CREDENTIAL_NAME = 'iFlow emulator (admin)';
const EMULATOR_TOKEN = 'flow-admin-token';
const DEFAULT_PROJECT_ID = 'a3d9e0f4-58c2-4b0a-8d0e-7f1d2c3b4a50'; // "Hereditary Panel 2026" in the seed

/** Plain (unencrypted) credential data for `n8n import:credentials`, which encrypts it. */
function emulatorCredential(emulatorUrl) {
	return {
		id: CREDENTIAL_ID,
		name: CREDENTIAL_NAME,
		type: 'iFlowApi',
		data: {
			environment: 'custom',
			baseUrlTemplate: `${emulatorUrl}/{service}`,
			accessToken: EMULATOR_TOKEN,
			projectId: DEFAULT_PROJECT_ID,
		},
	};
}

// Header Auth for the LIMS intake example's webhook (examples/lims-intake-to-report.json refers to
// it by id). The value only guards a local instance on 127.0.0.1; it is printed in `npm start`'s
// banner and used by the e2e suite. Anyone copying the example creates their own credential.
const LIMS_WEBHOOK_CREDENTIAL_ID = 'iflowLimsHook001';
const LIMS_WEBHOOK_CREDENTIAL_NAME = 'LIMS intake webhook (local)';
const LIMS_WEBHOOK_HEADER = 'X-LIMS-Token';
const LIMS_WEBHOOK_TOKEN = 'local-only-lims-intake-token';

/** Plain credential data for the example webhook's Header Auth (n8n's httpHeaderAuth type). */
function limsWebhookCredential() {
	return {
		id: LIMS_WEBHOOK_CREDENTIAL_ID,
		name: LIMS_WEBHOOK_CREDENTIAL_NAME,
		type: 'httpHeaderAuth',
		data: { name: LIMS_WEBHOOK_HEADER, value: LIMS_WEBHOOK_TOKEN },
	};
}

module.exports = {
	emulatorCredential,
	limsWebhookCredential,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	EMULATOR_TOKEN,
	DEFAULT_PROJECT_ID,
	LIMS_WEBHOOK_CREDENTIAL_NAME,
	LIMS_WEBHOOK_HEADER,
	LIMS_WEBHOOK_TOKEN,
};
