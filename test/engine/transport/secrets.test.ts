import { TOKENS } from '../../helpers/emulator';
import { runNode } from '../../helpers/engine';
import { useEmulatorHandle } from '../../helpers/suite';
import { probe } from './probe';
import { TransportProbe } from './TransportProbe.node';

const emu = useEmulatorHandle();

const SIGNATURE = '5e1f9a0c7d3b2e8f4a6c1b9d0e7f3a2c';
const SIGNED_URL = `https://storage.googleapis.com/bgl/run-1/report.pdf?X-Goog-Algorithm=GOOG4&X-Goog-Signature=${SIGNATURE}`;

/** Error bodies that echo the token and a signed URL in every field n8n might keep. */
const ECHOING_BODIES: Array<[number, unknown]> = [
	[401, { detail: `Token ${TOKENS.admin} is not valid for ${SIGNED_URL}`, token: TOKENS.admin }],
	[
		422,
		{
			detail: [
				{ loc: ['body', 'url'], msg: `cannot fetch ${SIGNED_URL}`, input: `Bearer ${TOKENS.admin}` },
				{ loc: ['header', 'authorization'], msg: 'echo', input: { authorization: `Bearer ${TOKENS.admin}` } },
			],
		},
	],
	[500, { detail: { error: `upstream saw ${TOKENS.admin}`, url: SIGNED_URL }, message: SIGNED_URL }],
	[500, `plain text: Authorization: Bearer ${TOKENS.admin} while fetching ${SIGNED_URL}`],
];

describe('secrets in saved run data', () => {
	test.each(ECHOING_BODIES)(
		'a %i body echoing the token and a signed URL is scrubbed everywhere',
		async (status, body) => {
			await emu.fault({ service: 'admin', path: '/projects', count: 1, status, body });
			const result = await probe(emu, { service: 'admin', method: 'GET', path: '/projects' });

			expect(result.status).toBe('error');
			expect(result.error?.httpCode).toBe(String(status));
			const saved = JSON.stringify(result.run);
			for (const secret of [TOKENS.admin, SIGNATURE]) {
				const at = saved.indexOf(secret);
				expect(at === -1 ? '' : saved.slice(Math.max(0, at - 200), at + 60)).toBe('');
			}
			// What n8n keeps of the error is still there, just scrubbed.
			expect(saved).toContain('storage.googleapis.com/bgl/run-1/report.pdf');
		},
	);

	test('Continue On Fail output is scrubbed as well', async () => {
		await emu.fault({ service: 'admin', path: '/projects', count: 1, status: 401, body: ECHOING_BODIES[0][1] });
		const result = await runNode({
			node: new TransportProbe(),
			parameters: { resource: 'probe', operation: 'call', service: 'admin', method: 'GET', path: '/projects' },
			credentials: emu.credentials(),
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		const saved = JSON.stringify(result.run);
		expect(saved).not.toContain(TOKENS.admin);
		expect(saved).not.toContain(SIGNATURE);
	});
});
