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

module.exports = { emulatorCredential, CREDENTIAL_ID, CREDENTIAL_NAME, EMULATOR_TOKEN, DEFAULT_PROJECT_ID };
