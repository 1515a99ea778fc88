import { allText, runNode } from '../../helpers/engine';
import { CredentialTestProbe } from './CredentialTestProbe.node';
import { probeAt, PROBE_TOKEN } from './probe';

// The Custom environment's URL Template has no default (a local one would only work on a
// developer's machine): left empty, a node call and "Test credential" fail naming the field.
const empty = { environment: 'custom', baseUrlTemplate: '', accessToken: PROBE_TOKEN };
const get = { service: 'admin', method: 'GET', path: '/projects' };

describe('an empty Custom URL Template', () => {
	test('fails before any request, naming the field', async () => {
		const result = await probeAt(empty, get);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/'URL Template' is empty/);
		expect(allText(result.run)).not.toContain(PROBE_TOKEN);
	});

	test('fails "Test credential" before any request (no URL to send it to)', async () => {
		const result = await runNode({ node: new CredentialTestProbe(), parameters: {}, credentials: empty });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Invalid URL/);
	});
});
