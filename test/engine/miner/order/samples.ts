// Orders with samples and FASTQ files, for the sample-link and samplesheet tests.
import type { IDataObject } from 'n8n-workflow';

import { PROJECT_A } from '../../../helpers/emulator';
import type { EmulatorHandle } from '../../../helpers/emulator';
import { createOrder, createSample, createSubject } from '../fixtures';

export async function orderWithSamples(emu: EmulatorHandle): Promise<{ order: IDataObject; samples: IDataObject[] }> {
	const subject = await createSubject(emu, 'SUB-1', { sex: 'female' });
	const tumour = await createSample(emu, String(subject.id), 'SAM-T');
	const normal = await createSample(emu, String(subject.id), 'SAM-N');
	const order = await createOrder(emu, 'ORD-2026-7', {
		mode: 'somatic',
		samples: [
			{ sample_id: tumour.id, role: 'tumour' },
			{ sample_id: normal.id, role: 'normal' },
		],
	});
	await emu.control('POST', '/seed', {
		files: {
			[PROJECT_A]: {
				'samples/sam-t/uploads/T_R1.fastq.gz': 'a',
				'samples/sam-t/uploads/T_R2.fastq.gz': 'b',
				'samples/sam-n/uploads/N_R1.fastq.gz': 'c',
				'samples/sam-n/uploads/N_R2.fastq.gz': 'd',
			},
		},
	});
	await emu.clearRequests();
	return { order, samples: [tumour, normal] };
}
