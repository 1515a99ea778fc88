'use strict';
// `npm test` / `npm start` run under npm, and npm hands its configuration to
// every child as npm_config_* variables, among them the project's
// ignore-scripts=true (.npmrc). A nested `npm rebuild sqlite3` that inherits it
// skips the build script and still exits 0. Children that run npm or node-gyp
// for something other than this project get an environment without npm's
// variables, so only the machine's npmrc files and explicit flags apply.
// Kept: how to reach the registry (a mirror or proxy may be set only in the
// environment); none of these changes what gets built.

/** Variables npm sets for the scripts it runs. */
const NPM_VARIABLE = /^(npm_|INIT_CWD$|NODE$)/i;
const KEPT =
	/^npm_config_(registry|cache|cafile|ca|proxy|https_proxy|http_proxy|noproxy|strict_ssl|userconfig|globalconfig)$/i;

/** A copy of `base` without npm's run-script variables, plus `extra`. */
function cleanNpmEnv(base = process.env, extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(base)) if (!NPM_VARIABLE.test(key) || KEPT.test(key)) env[key] = value;
	return { ...env, ...extra };
}

module.exports = { cleanNpmEnv };
