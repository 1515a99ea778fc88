#!/usr/bin/env node
// @ts-check
/** Prints README "Profiles" list of what the `documented` profile switches off (from the spec). */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fullView, documentedView, documentedOff, documentedOffMarkdown } from './core/profile.js';

const specDir = join(dirname(fileURLToPath(import.meta.url)), 'spec');

/** The generated README block. */
export function documentedOffBlock() {
	const full = fullView(specDir);
	return documentedOffMarkdown(documentedOff(full, documentedView(specDir, full)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.stdout.write(`${documentedOffBlock()}\n`);
