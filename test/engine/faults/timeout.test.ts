// The one fault kind that needs real time: the server stores the record, but its answer comes
// later than the transport's 30 s client timeout. The node gives up waiting, looks the record
// up, and the item succeeds with it.
import { DEFAULT_TIMEOUT_MS } from '../../../nodes/shared/transport';
import { createSubject, node } from '../miner/fixtures';
import { byId, nodeRunner, useEmulator } from '../../helpers/suite';

const emulator = useEmulator();
const run = nodeRunner(node);

describe('Miner › Sample › Create with an answer later than the client timeout', () => {
	test(
		'the sample is stored, the answer is too late: found, flagged recovered, not sent again',
		async () => {
			const emu = emulator();
			const subject = await createSubject(emu, 'SUB-1');
			await emu.clearRequests();
			await emu.fault({
				service: 'miner',
				method: 'POST',
				path: '^/api/v1/samples$',
				delayMs: DEFAULT_TIMEOUT_MS + 5_000,
				afterCommit: true,
				count: 1,
			});
			const started = Date.now();
			const result = await run(emu, {
				resource: 'sample',
				operation: 'create',
				subjectId: byId(String(subject.id)),
				displayId: 'SAM-SLOW',
			});
			expect(result.error).toBeUndefined();
			expect(result.output[0].json).toMatchObject({ display_id: 'SAM-SLOW', recovered: true });
			expect(Date.now() - started).toBeGreaterThanOrEqual(DEFAULT_TIMEOUT_MS - 1_000);
			expect(await emu.requests({ service: 'miner', method: 'POST' })).toHaveLength(1);
		},
		DEFAULT_TIMEOUT_MS + 30_000,
	);
});
