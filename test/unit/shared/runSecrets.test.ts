import { redactCallbackUrl, redactRunSecrets, redactRunSecretsInItems } from '../../../nodes/shared/helpers';

describe('redactCallbackUrl', () => {
	test.each([
		['https://n8n.lab/webhook-waiting/123?signature=abc', 'https://n8n.lab/webhook-waiting/123?signature=<redacted>'],
		['https://n8n.lab/webhook-waiting/123', 'https://n8n.lab/webhook-waiting/123'],
		['https://lims.lab/cb?a=1&b=2#frag', 'https://lims.lab/cb?a=<redacted>&b=<redacted>#<redacted>'],
		['https://lims.lab/cb?tokenonly', 'https://lims.lab/cb?<redacted>'],
		['https://user:pass@lims.lab/cb', 'https://<redacted>@lims.lab/cb'],
		['not a url?secret=1', '<redacted>'],
		['', ''],
	])('%s', (input, expected) => expect(redactCallbackUrl(input)).toBe(expected));
});

describe('redactRunSecrets', () => {
	test('redacts callback_url at any depth and leaves everything else (and untouched objects) as is', () => {
		const untouched = { id: 'r0', tags: ['a'] };
		const input = {
			runs: [untouched, { id: 'r1', callback_url: 'https://n8n/w/1?signature=s1' }],
			nested: { run: { callback_url: 'https://n8n/w/2?signature=s2', callbackUrl: 'https://x/y?z=1' } },
			callback_url: null,
		};
		const output = redactRunSecrets(input);
		expect(JSON.stringify(output)).not.toMatch(/s1|s2|z=1/);
		expect(output.runs[0]).toBe(untouched);
		expect(output.nested.run.callback_url).toBe('https://n8n/w/2?signature=<redacted>');
		expect(output.callback_url).toBeNull();
		// The input is not changed: it may be shared with other items.
		expect(input.runs[1]).toEqual({ id: 'r1', callback_url: 'https://n8n/w/1?signature=s1' });
	});

	test('items without a callback come back as the same objects', () => {
		const items = [{ json: { id: 1 }, pairedItem: { item: 0 } }];
		expect(redactRunSecretsInItems(items)[0]).toBe(items[0]);
	});
});
