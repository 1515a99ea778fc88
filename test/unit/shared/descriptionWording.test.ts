/**
 * What a user reads in the editor, checked over every node description: no "a order"-style
 * article slips, and no text or record field left without a description, hint or placeholder.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { ALL_NODES as NODES } from './allNodes';

type Entry = INodeProperties | INodePropertyOptions | INodePropertyCollection;

interface Field {
	/** "iFlow Miner › order/create › Samples › Sample" — where a failure points. */
	where: string;
	field: INodeProperties;
}

function isProperty(entry: Entry): entry is INodeProperties {
	return 'type' in entry && typeof entry.type === 'string' && 'name' in entry && 'default' in entry;
}

function showKey(field: INodeProperties): string {
	const show = field.displayOptions?.show ?? {};
	const parts = ['resource', 'operation'].flatMap((key) => (show[key] ?? []).map(String).slice(0, 1));
	return parts.length ? parts.join('/') : '';
}

/** Every property, at any depth (collections, fixed collections). */
function fieldsOf(node: INodeType): Field[] {
	const out: Field[] = [];
	const walk = (entries: Entry[], path: string[]) => {
		for (const entry of entries) {
			if (isProperty(entry)) {
				const where = [...path, showKey(entry), entry.displayName].filter(Boolean).join(' › ');
				out.push({ where, field: entry });
				if (entry.options) walk(entry.options as Entry[], [...path, showKey(entry), entry.displayName].filter(Boolean));
			} else if ('values' in entry && Array.isArray(entry.values)) {
				walk(entry.values, [...path, entry.displayName]);
			}
		}
	};
	walk(node.description.properties as Entry[], [node.description.displayName]);
	return out;
}

/** Every piece of text a user can read in the editor, with where it is. */
function textsOf(node: INodeType): Array<[string, string]> {
	const out: Array<[string, string]> = [['description', node.description.description]];
	const add = (where: string, value: unknown) => {
		if (typeof value === 'string' && value) out.push([where, value]);
	};
	const walk = (entries: Entry[], path: string) => {
		for (const entry of entries) {
			const label = 'displayName' in entry ? entry.displayName : entry.name;
			const where = [path, isProperty(entry) ? showKey(entry) : '', label].filter(Boolean).join(' › ');
			for (const key of ['displayName', 'name', 'description', 'hint', 'placeholder', 'action'] as const) {
				if (key === 'name' && isProperty(entry)) continue; // internal parameter names
				add(where, (entry as unknown as Record<string, unknown>)[key]);
			}
			if (isProperty(entry)) {
				for (const mode of entry.modes ?? []) {
					add(`${where} (${mode.displayName})`, mode.placeholder);
					add(`${where} (${mode.displayName})`, mode.hint);
				}
			}
			if ('options' in entry && Array.isArray(entry.options)) walk(entry.options as Entry[], where);
			if ('values' in entry && Array.isArray(entry.values)) walk(entry.values, where);
		}
	};
	walk(node.description.properties as Entry[], node.description.displayName);
	return out;
}

/** Words after "a" that start with a vowel letter but a consonant sound ("a user", "a UUID", "a one-off"). */
const CONSONANT_SOUND = /^(u[bcdfghjklmnpqrstvwxyz][aeiouy]|uuid|url|uri|utf|one|once|eu)/i;
/** Words after "an" that start with a consonant letter but a vowel sound. */
const VOWEL_SOUND = /^(hour|honest|heir|n8n)/i;

function articleSlips(text: string): string[] {
	const plain = text.replace(/<[^>]+>/g, ' ');
	const slips: string[] = [];
	for (const match of plain.matchAll(/\b(a|an)\s+([A-Za-z][\w-]*)/gi)) {
		const [phrase, article, word] = match;
		const vowel = /^[aeiou]/i.test(word);
		if (article.toLowerCase() === 'a' && vowel && !CONSONANT_SOUND.test(word)) slips.push(phrase);
		// Only lower-case words after "an": an abbreviation may be read letter by letter ("an SVG").
		if (article.toLowerCase() === 'an' && /^[bcdfghjklmnpqrstvwxyz]/.test(word) && !VOWEL_SOUND.test(word)) {
			slips.push(phrase);
		}
	}
	return slips;
}

describe('articleSlips', () => {
	test.each([
		['Select a order…', ['a order']],
		['Pick a sample or an endpoint', []],
		['an sample', ['an sample']],
		['a UUID, a user, a unique name, a URL, a one-off, an hour, an SVG, an update', []],
		['a update', ['a update']],
		['A order', ['A order']],
	])('%s', (text, slips) => expect(articleSlips(text)).toEqual(slips));
});

describe.each(NODES.map((node) => [node.description.displayName, node] as const))('%s', (_name, node) => {
	test('no "a order"-style article slips in any text the editor shows', () => {
		const slips = textsOf(node).flatMap(([where, text]) => articleSlips(text).map((slip) => `${where}: "${slip}"`));
		expect(slips).toEqual([]);
	});

	test('every text or record field says what to put there (description, hint or placeholder)', () => {
		const bare = fieldsOf(node)
			.filter(({ field }) => field.type === 'string' || field.type === 'resourceLocator')
			.filter(({ field }) => !(field.description || field.hint || field.placeholder))
			.map(({ where }) => where);
		expect(bare).toEqual([]);
	});

	test('every record picker with a By ID mode says where the ID comes from', () => {
		const vague = fieldsOf(node)
			.filter(
				({ field }) => field.type === 'resourceLocator' && field.modes?.some((mode) => mode.displayName === 'By ID'),
			)
			.filter(({ field }) => !/\bID\b/.test(`${field.description ?? ''} ${field.hint ?? ''}`))
			.map(({ where }) => where);
		expect(vague).toEqual([]);
	});
});
