'use strict';
// Links and paths in the project's documents cannot rot: every relative link points at a file or
// folder that exists (and at a heading that exists, for `#anchor` links), and every repository
// path the text names in backticks exists.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DOCS = [
	'README.md',
	'CONTRIBUTING.md',
	'CHANGELOG.md',
	'docs/api-contract.md',
	'docs/flow-api.md',
	'bench/README.md',
	'test/emulator/README.md',
];
// Backticked text starting with one of these is taken for a repository path.
const PATH_ROOTS = /^(?:\.github|bench|credentials|docs|examples|icons|nodes|scripts|test)\//;
// Folders that tools create (gitignored), named as places where output goes.
const GENERATED = new Set(['bench/results/']);

/** The document's lines outside fenced code blocks. */
function proseLines(text) {
	let fenced = false;
	return text.split('\n').filter((line) => {
		if (/^\s*(```|~~~)/.test(line)) {
			fenced = !fenced;
			return false;
		}
		return !fenced;
	});
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading) {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

function anchors(file) {
	const seen = new Map();
	const result = new Set();
	for (const line of proseLines(fs.readFileSync(file, 'utf8'))) {
		const heading = /^#{1,6}\s+(.*)$/.exec(line);
		if (!heading) continue;
		const base = slug(heading[1]);
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		result.add(count === 0 ? base : `${base}-${count}`);
	}
	return result;
}

function links(text) {
	const found = [];
	for (const line of proseLines(text)) {
		for (const match of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) found.push(match[1]);
	}
	return found;
}

/**
 * The path at the start of each line inside fenced code blocks: a layout listing names paths
 * there, indented entries relative to the unindented folder above them.
 */
function codeLinePaths(text) {
	let fenced = false;
	let parent = '';
	const paths = [];
	for (const line of text.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) {
			fenced = !fenced;
			parent = '';
			continue;
		}
		if (!fenced) continue;
		for (const word of line.trim().split(/\s+/)[0].split(',')) {
			const named = word.replace(/[.,;:]+$/, '');
			if (!named) continue;
			if (!/^\s/.test(line)) {
				parent = named.endsWith('/') ? named : '';
				paths.push(named);
			} else if (parent && /^[\w.<>-]+(\/[\w.<>-]*)*$/.test(named)) {
				paths.push(parent + named);
			}
		}
	}
	return paths;
}

function namedPaths(text) {
	const candidates = codeLinePaths(text);
	for (const line of proseLines(text)) {
		for (const match of line.matchAll(/`([^`\s]+)`/g)) candidates.push(match[1]);
	}
	return candidates
		.map((named) => named.replace(/[.,;:]+$/, ''))
		.filter((named) => PATH_ROOTS.test(named) && !/[*…{}]/.test(named) && !GENERATED.has(named));
}

/** Whether a path exists; a `<placeholder>` segment matches any name in its folder. */
function exists(named, dir = ROOT) {
	const [segment, ...rest] = named.split('/');
	if (segment === '') return rest.length === 0 || exists(rest.join('/'), dir);
	const pattern = segment.includes('<')
		? new RegExp(`^${segment.split(/<[^>]+>/).map((part) => part.replace(/[.+?^$()|[\]\\]/g, '\\$&')).join('[^/]+')}$`)
		: undefined;
	const names = pattern ? (fs.statSync(dir).isDirectory() ? fs.readdirSync(dir).filter((name) => pattern.test(name)) : []) : [segment];
	return names.some((name) => {
		const next = path.join(dir, name);
		return fs.existsSync(next) && (rest.length === 0 || exists(rest.join('/'), next));
	});
}

for (const doc of DOCS) {
	const file = path.join(ROOT, doc);
	const text = fs.readFileSync(file, 'utf8');

	test(`${doc}: every relative link points at an existing file and heading`, () => {
		const broken = [];
		for (const link of links(text)) {
			if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:
			const [target, anchor] = link.split('#');
			const resolved = target ? path.resolve(path.dirname(file), decodeURI(target)) : file;
			if (!fs.existsSync(resolved)) {
				broken.push(`${link} (no such file)`);
				continue;
			}
			if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(anchor)) {
				broken.push(`${link} (no such heading)`);
			}
		}
		assert.deepEqual(broken, []);
	});

	test(`${doc}: every repository path it names exists`, () => {
		const missing = namedPaths(text).filter((named) => !exists(named));
		assert.deepEqual(missing, []);
	});
}

test('a layout listing and placeholders are checked too', () => {
	const listing = ['```', 'nodes/IFlow<Service>/   one node', '  actions/router.ts   x', '  actions/versionDescription.ts   y', '```'].join('\n');
	assert.deepEqual(namedPaths(listing), ['nodes/IFlow<Service>/', 'nodes/IFlow<Service>/actions/router.ts', 'nodes/IFlow<Service>/actions/versionDescription.ts']);
	assert.deepEqual(namedPaths(listing).map((named) => exists(named)), [true, true, false]);
});

test('slug follows GitHub', () => {
	assert.equal(slug('Deploying: queue mode on PostgreSQL'), 'deploying-queue-mode-on-postgresql');
	assert.equal(slug('iFlow Miner (`bench/miner.js`)'), 'iflow-miner-benchminerjs');
	assert.equal(slug('Security › What you must configure'), 'security--what-you-must-configure');
});
