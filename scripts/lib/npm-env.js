'use strict';
// `npm test` / `npm start` run under npm, and npm hands its configuration to
// every child as npm_config_* variables, among them the project's
// ignore-scripts=true (.npmrc). A nested `npm rebuild sqlite3` that inherits it
// skips the build script and still exits 0. Children that run npm or node-gyp
// for something other than this project get an environment without npm's
// variables, so only the machine's own npm configuration and explicit flags apply.

/** Variables npm sets for the scripts it runs. */
const NPM_VARIABLE = /^(npm_|INIT_CWD$|NODE$)/i;

/** A copy of `base` without npm's run-script variables, plus `extra`. */
function cleanNpmEnv(base = process.env, extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(base)) if (!NPM_VARIABLE.test(key)) env[key] = value;
	return { ...env, ...extra };
}

module.exports = { cleanNpmEnv, NPM_VARIABLE };
