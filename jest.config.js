/** Engine, unit and package tests on the n8n 2.x engine line. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['<rootDir>/test/{unit,engine,package}/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/helpers/setup.js'],
	setupFilesAfterEnv: ['<rootDir>/test/helpers/countAssertions.js'],
	testTimeout: 60_000,
	maxWorkers: 2,
};
