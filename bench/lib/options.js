'use strict';
// Command-line options shared by the bench scripts.

/** The number after `--name` on the command line, or `fallback` when the option is not given. */
function numberOption(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : Number(process.argv[index + 1]);
}

module.exports = { numberOption };
