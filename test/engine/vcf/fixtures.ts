import { IFlowVcf } from '../../../nodes/IFlowVcf/IFlowVcf.node';
import type { EmulatorHandle } from '../../helpers/emulator';
import { createOrder } from '../miner/fixtures';
import { fullOnly } from '../profile';
import { nodeRunner } from '../../helpers/suite';

export { useEmulatorHandle } from '../../helpers/suite';

export const node = new IFlowVcf();
export const run = nodeRunner(node);
// vcf/documented.test.ts covers every VCF operation on a server without it.
export const vcfApi = fullOnly('the VCF API, not in the reference');

/** An order with two linked samples, made through the real miner API (links: see createOrder). */
export async function orderWithSamples(emu: EmulatorHandle): Promise<{ orderId: string; sampleIds: string[] }> {
	const subject = await emu.api('miner', 'POST', '/subjects', { body: { display_id: 'SUB-1' } });
	const sampleIds: string[] = [];
	for (const displayId of ['SMP-1', 'SMP-2']) {
		const sample = await emu.api('miner', 'POST', '/samples', {
			body: { display_id: displayId, subject_id: subject.id },
		});
		sampleIds.push(String(sample.id));
	}
	const order = await createOrder(emu, 'ORD-1', { samples: sampleIds.map((sample_id) => ({ sample_id })) });
	return { orderId: String(order.id), sampleIds };
}
