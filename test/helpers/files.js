// File access for the .ts tests, which n8n's lint keeps away from fs, path and process.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '../..');

/** The .ts files under a folder of the repository, as { path (from the repository root), text }. */
function sourceFiles(folder) {
	const walk = (dir) =>
		fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) return walk(full);
			return full.endsWith('.ts') ? [full] : [];
		});
	return walk(path.join(ROOT, folder)).map((full) => ({
		path: path.relative(ROOT, full),
		text: fs.readFileSync(full, 'utf8'),
	}));
}

/**
 * With `<variable>=<file>` in the environment (e.g. DUMP_DESCRIPTIONS), writes `data` to that file
 * as JSON, so a refactor can compare the file from before with the one from after. False when unset.
 */
function dumpTo(variable, data) {
	const file = process.env[variable];
	if (!file) return false;
	fs.writeFileSync(file, JSON.stringify(data, null, 1));
	return true;
}

/** Whether a path (from the repository root, `..` allowed) is an existing file or folder. */
function repoPathExists(relative) {
	return fs.existsSync(path.join(ROOT, relative));
}

module.exports = { sourceFiles, dumpTo, repoPathExists };
