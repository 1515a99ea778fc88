// Path handling shared by every operation: bucket URIs, the one bucket lookup per execution.
import { params, run, seedFiles, useEmulatorHandle } from './fixtures';

const emu = useEmulatorHandle();

describe('iFlow Files › paths', () => {
	test("the project's bucket is looked up once per execution, only when a URI is given", async () => {
		await seedFiles(emu, { 'a.txt': 'a', 'b.txt': 'b' });
		const result = await run(emu, params('file', 'get', { filePath: '={{ $json.p }}' }), {
			items: [{ p: 'gs://bgl-hereditary-2026/a.txt' }, { p: 's3://bgl-hereditary-2026/b.txt' }, { p: 'a.txt' }],
		});
		expect(result.status).toBe('success');
		expect(result.output.map((item) => item.json.path)).toEqual(['a.txt', 'b.txt', 'a.txt']);
		expect(await emu.requests({ service: 'admin' })).toHaveLength(1);

		await emu.clearRequests();
		await run(emu, params('file', 'get', { filePath: 'a.txt' }));
		expect(await emu.requests({ service: 'admin' })).toHaveLength(0);
	});

	test('a leading slash is dropped; "." segments are refused', async () => {
		await seedFiles(emu, { 'a/b.txt': 'b' });
		const ok = await run(emu, params('file', 'get', { filePath: '/a/b.txt' }));
		expect(ok.output[0].json.path).toBe('a/b.txt');
		await emu.clearRequests();
		const dot = await run(emu, params('file', 'get', { filePath: 'a/./b.txt' }));
		expect(dot.error?.message).toMatch(/^'File Path': .*"\." or "\.\." segments/);
		expect(await emu.requests()).toHaveLength(0);
	});
});
