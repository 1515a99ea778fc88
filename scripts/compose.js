#!/usr/bin/env node
'use strict';
// Writes docker-compose.yml from scripts/lib/topology.js (see scripts/lib/compose.js).
//   node scripts/compose.js           write it
//   node scripts/compose.js --check   exit 1 if the file is out of date
const fs = require('node:fs');
const path = require('node:path');
const { renderCompose } = require('./lib/compose');

const file = path.resolve(__dirname, '..', 'docker-compose.yml');
const text = renderCompose();
if (process.argv.includes('--check')) {
	const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	if (current !== text) {
		process.stderr.write('docker-compose.yml is out of date: run node scripts/compose.js\n');
		process.exit(1);
	}
} else {
	fs.writeFileSync(file, text);
	process.stdout.write(`wrote ${path.relative(process.cwd(), file) || file}\n`);
}
