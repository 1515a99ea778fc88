/**
 * The same engine tests on the n8n 1.x line (n8n-core 1.122 with its own n8n-workflow 1.120),
 * swapped in with moduleNameMapper so our nodes and n8n-core share one n8n-workflow.
 */
const base = require('./jest.config');

const v1 = '<rootDir>/node_modules/n8n-core-v1';

module.exports = {
	...base,
	testMatch: ['<rootDir>/test/engine/**/*.test.ts'],
	moduleNameMapper: {
		'^n8n-core$': v1,
		'^n8n-workflow$': `${v1}/node_modules/n8n-workflow`,
		'^@n8n/di$': `${v1}/node_modules/@n8n/di`,
	},
};
