import { PROJECT_A } from '../../../helpers/emulator';
import { createSubject, expectMinerRequest, run, useEmulatorHandle } from '../fixtures';
import { operationParams } from '../../../helpers/suite';

const emu = useEmulatorHandle();
const create = operationParams('subject', 'create', {
	displayId: 'SUB-2026-001',
});

describe('Miner › Subject › Create', () => {
	test('sends current-era fields, dates as YYYY-MM-DD, tags as a list, properties as an object', async () => {
		const result = await run(
			emu,
			create({
				additionalFields: {
					sex: 'female',
					dateOfBirth: '1985-03-15T00:00:00.000+01:00',
					externalId: 'ACC-12345',
					diagnosis: 'Hereditary cancer',
					tags: 'hereditary, brca ,',
					properties: '{"first_name":"Jane","surname":"Doe"}',
				},
			}),
		);
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json).toMatchObject({
			display_id: 'SUB-2026-001',
			sex: 'female',
			date_of_birth: '1985-03-15',
		});
		const request = await expectMinerRequest(emu, 'POST', '/api/v1/subjects');
		expect(request.headers['x-project-id']).toBe(PROJECT_A);
		expect(request.body).toEqual({
			display_id: 'SUB-2026-001',
			sex: 'female',
			date_of_birth: '1985-03-15',
			external_id: 'ACC-12345',
			diagnosis: 'Hereditary cancer',
			tags: ['hereditary', 'brca'],
			properties: { first_name: 'Jane', surname: 'Doe' },
		});
	});

	test('a duplicate display ID is a readable 409', async () => {
		await createSubject(emu, 'SUB-2026-001');
		const result = await run(emu, create());
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Conflict: .*SUB-2026-001 already exists/);
		expect(result.error?.httpCode).toBe('409');
	});

	test.each([
		[{ displayId: '  ' }, /'Display ID' is required/],
		[{ additionalFields: { properties: '{"first_name": ' } }, /'Properties \(JSON\)' is not valid JSON/],
		[{ additionalFields: { properties: '[1, 2]' } }, /'Properties \(JSON\)' must be a JSON object/],
		[{ additionalFields: { sex: 'F' } }, /'Sex' must be one of male, female, other, unknown; got "F"/],
		[{ additionalFields: { dateOfBirth: '15/03/1985' } }, /'Date of Birth' must be a date/],
		[{ additionalFields: { dateOfBirth: '1985-02-30' } }, /'Date of Birth' must be a date/],
	])('bad input %j fails naming the field, with no request', async (extra, message) => {
		const result = await run(emu, create(extra));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(await emu.requests()).toHaveLength(0);
	});

	test('Continue On Fail: a 200-row import with 10 bad rows creates 190 and returns 10 error items', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			id: `SUB-${String(i).padStart(3, '0')}`,
			// Every 20th row has a date the API cannot take.
			born: i % 20 === 7 ? 'not a date' : '1990-01-01',
		}));
		const result = await run(
			emu,
			create({ displayId: '={{ $json.id }}', additionalFields: { dateOfBirth: '={{ $json.born }}' } }),
			{ items, continueOnFail: true },
		);
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(200);
		const errors = result.output.filter((item) => item.json.error);
		expect(errors).toHaveLength(10);
		expect(errors[0].json.error).toMatch(/'Date of Birth' must be a date/);
		expect(errors.map((item) => item.pairedItem)).toContainEqual({ item: 7 });
		expect(result.output.map((item) => (item.pairedItem as { item: number }).item)).toEqual(items.map((_, i) => i));
		expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(190);
		const all = await emu.api<unknown[]>('miner', 'GET', '/subjects', { query: { limit: 1000 } });
		expect(all).toHaveLength(190);
	});

	test('Continue On Fail turns an API refusal into an error item and keeps going', async () => {
		await createSubject(emu, 'SUB-DUP');
		const result = await run(emu, create({ displayId: '={{ $json.id }}' }), {
			items: [{ id: 'SUB-DUP' }, { id: 'SUB-NEW' }],
			continueOnFail: true,
		});
		expect(result.output[0].json).toMatchObject({ httpCode: '409' });
		expect(result.output[0].json.error).toMatch(/Conflict/);
		expect(result.output[1].json.display_id).toBe('SUB-NEW');
	});
});
