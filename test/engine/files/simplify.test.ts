import { IFlowFiles } from '../../../nodes/IFlowFiles/IFlowFiles.node';
import { SIMPLIFY } from '../../../nodes/IFlowFiles/actions/simplify';
import { describeSimplify } from '../simplify';
import { seedFiles } from './fixtures';

const FILES = { 'samples/s1/uploads/a_R1.fastq.gz': 'A', 'samples/s1/uploads/raw/x.bam': 'XXX' };

describeSimplify('Files', {
	node: new IFlowFiles(),
	table: SIMPLIFY,
	oldVersion: 1,
	cases: {
		'file.get': {
			firstKey: 'path',
			setup: async (emu) => (await seedFiles(emu, FILES), {}),
			parameters: () => ({ resource: 'file', operation: 'get', filePath: 'samples/s1/uploads/a_R1.fastq.gz' }),
		},
		'file.upload': {
			firstKey: 'path',
			writes: true,
			items: [
				{
					json: {},
					binary: {
						data: { data: Buffer.from('ACGT').toString('base64'), fileName: 'a.txt', mimeType: 'text/plain' },
					},
				},
			],
			parameters: (_made, run) => ({ resource: 'file', operation: 'upload', filePath: `uploads/run-${run}.txt` }),
		},
		'folder.list': {
			firstKey: 'path',
			setup: async (emu) => (await seedFiles(emu, FILES), {}),
			parameters: () => ({
				resource: 'folder',
				operation: 'list',
				folderPath: 'samples/s1/uploads/',
				returnAll: true,
			}),
		},
	},
});
