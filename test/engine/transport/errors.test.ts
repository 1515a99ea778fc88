import { allText } from '../../helpers/engine';
import { TOKENS } from '../../helpers/emulator';
import { useEmulatorHandle } from '../../helpers/suite';
import { probe } from './probe';

const emu = useEmulatorHandle();

const subjects = { service: 'miner', path: '/subjects', projectRule: 'required' };
const create = (body: object) => ({ ...subjects, method: 'POST', body: JSON.stringify(body) });

describe('transport error mapping', () => {
	test('400: a project-scoped call without a project', async () => {
		const result = await probe(emu, { ...subjects, method: 'GET', projectRule: 'none' });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toMatch(/^iFlow rejected the request: /);
		expect(result.error?.description).toMatch(/Project field/);
	});

	test('401: the token is explained and never shown', async () => {
		const result = await probe(
			emu,
			{ service: 'admin', method: 'GET', path: '/projects' },
			{ accessToken: TOKENS.expired },
		);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe('iFlow did not accept the access token (401)');
		expect(result.error?.description).toMatch(/CLI Tokens/);
		expect(allText(result.run)).not.toContain(TOKENS.expired);
	});

	test('403: a viewer writing', async () => {
		const result = await probe(emu, create({ display_id: 'SUB-1' }), { accessToken: TOKENS.viewer });
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.message).toMatch(/^Permission denied: /);
		expect(result.error?.description).toMatch(/Viewers are read-only/);
	});

	test('404: names what was not found', async () => {
		const result = await probe(emu, {
			...subjects,
			method: 'GET',
			path: '/subjects/00000000-0000-4000-8000-000000000000',
		});
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toMatch(/^Not found: .*ubject/);
		expect(result.error?.description).toMatch(/another project/);
	});

	test('409: a duplicate display id', async () => {
		expect((await probe(emu, create({ display_id: 'SUB-DUP' }))).status).toBe('success');
		const result = await probe(emu, create({ display_id: 'SUB-DUP' }));
		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.message).toMatch(/^Conflict: .*SUB-DUP|^Conflict: .*already exists/);
	});

	test('422: one "field: message" line per problem', async () => {
		const result = await probe(emu, create({ display_id: 'SUB-BAD', sex: 'robot', date_of_birth: 'yesterday' }));
		expect(result.error?.httpCode).toBe('422');
		const lines = String(result.error?.message).split('\n');
		expect(lines[0]).toBe('iFlow rejected the input:');
		expect(lines.some((line) => /^sex: /.test(line))).toBe(true);
	});

	test("an illegal order transition keeps Flow's explanation", async () => {
		const order = await emu.api<{ id: string }>('miner', 'POST', '/orders', { body: { display_id: 'ORD-1' } });
		const result = await probe(emu, {
			service: 'miner',
			method: 'POST',
			path: `/orders/${order.id}/transition`,
			projectRule: 'required',
			body: JSON.stringify({ status: 'review' }),
		});
		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.message).toMatch(/Invalid transition from created to review.*Allowed: analyzing, cancelled/s);
	});

	test('a non-JSON error body is summarised, not dumped', async () => {
		await emu.fault({ service: 'admin', path: '/projects', count: 1, status: 500, body: 'upstream exploded' });
		const result = await probe(emu, { service: 'admin', method: 'GET', path: '/projects' });
		expect(result.error?.message).toMatch(/iFlow admin service failed \(HTTP 500\)/);
	});

	test('a successful run contains the token nowhere', async () => {
		const result = await probe(emu, { service: 'admin', method: 'GET', path: '/projects' });
		expect(result.status).toBe('success');
		expect(allText(result.run)).not.toContain(TOKENS.admin);
	});
});
