// Security: Upload to a folder appends the input file's name. That name often comes from outside
// (a webhook upload, an e-mail attachment), so it gets the same path rules as a typed path:
// a name that would leave the folder is refused before any request, naming the field and the name.
import type { INodeExecutionData } from 'n8n-workflow';

import { params, run, seedFiles, useEmulatorHandle } from '../fixtures';

const emu = useEmulatorHandle();
const upload = (filePath: string, extra = {}) => params('file', 'upload', { filePath, ...extra });

function named(fileName: string, property = 'data'): INodeExecutionData {
	return {
		json: {},
		binary: {
			[property]: { data: Buffer.from('%PDF-1.4 forged').toString('base64'), fileName, mimeType: 'application/pdf' },
		},
	};
}

describe('iFlow Files › File › Upload: the input file name cannot leave the folder', () => {
	test('a traversal name from a webhook upload is refused before any request, and the signed report stays', async () => {
		await seedFiles(emu, { 'orders/ord-0001/signed-report.pdf': 'the real signed report' });
		await emu.clearRequests();
		const result = await run(
			emu,
			upload('uploads/intake/', { binaryPropertyName: 'attachment', options: { overwrite: true } }),
			{ items: [named('../../../orders/ord-0001/signed-report.pdf', 'attachment')] },
		);
		expect((await emu.requests()).map((r) => `${r.method} ${r.service} ${r.path}`)).toEqual([]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			/^'Input Binary Field' \(attachment\): the file name "\.\.\/\.\.\/\.\.\/orders\/ord-0001\/signed-report\.pdf" contains "\/"/,
		);
		const stored = await emu.api<{ url: string }>('files', 'GET', '/files/download-url', {
			query: { path: 'orders/ord-0001/signed-report.pdf' },
		});
		expect(await (await fetch(stored.url)).text()).toBe('the real signed report');
	});

	test.each([
		['..', /is a "\." or "\.\." path segment/],
		['.', /is a "\." or "\.\." path segment/],
		['%2e%2e', /is a "\." or "\.\." path segment/],
		['..\\..\\orders\\x.pdf', /contains "\/" or "\\"/],
		['C:\\fakepath\\report.pdf', /contains "\/" or "\\"/],
		['a%2Fb.pdf', /contains "\/" or "\\"/],
		['report\r\n.pdf', /control characters/],
	])('refuses the file name %j', async (fileName, message) => {
		const result = await run(emu, upload('uploads/'), { items: [named(fileName)] });
		expect(result.error?.message).toMatch(/^'Input Binary Field' \(data\): the file name /);
		expect(result.error?.message).toMatch(message);
		expect(await emu.requests()).toHaveLength(0);
	});

	test('an input file without a name needs the full path', async () => {
		const result = await run(emu, upload('uploads/'), { items: [named('')] });
		expect(result.error?.message).toMatch(/^'Input Binary Field' \(data\): the input file has no file name/);
		expect(await emu.requests()).toHaveLength(0);
	});

	test('ordinary names still go into the folder; Continue On Fail keeps a bad one apart', async () => {
		const result = await run(emu, upload('uploads/'), {
			items: [named('../x.pdf'), named('Report v2 (final).pdf')],
			continueOnFail: true,
		});
		expect(result.output[0].json.error).toMatch(/'Input Binary Field' \(data\)/);
		expect(result.output[1].json).toMatchObject({ path: 'uploads/Report v2 (final).pdf' });
		const signed = await emu.requests({ service: 'files', method: 'POST' });
		expect(signed.map((r) => r.body.path)).toEqual(['uploads/Report v2 (final).pdf']);
	});
});
