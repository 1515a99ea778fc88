// Security: Run Finished items carry the run record; its callback_url (often n8n's resume URL with
// ?signature=…) must reach the workflow without the signature. Self-contained on purpose: it
// needs only the trigger's public poll(), not the polling internals.
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { IFlowComputeTrigger } from '../../../nodes/IFlowComputeTrigger/IFlowComputeTrigger.node';
import { IFlowTrigger } from '../../../nodes/IFlowTrigger/IFlowTrigger.node';
import { PROJECT_A } from '../../helpers/emulator';
import { allText, pollContext } from '../../helpers/engine';
import { byProfile } from '../profile';
import { useTriggerEmulator } from './harness';

const SIGNATURE = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

const emu = useTriggerEmulator();

test.each([
	['iFlow Trigger', () => new IFlowTrigger()],
	['iFlow Compute Trigger', () => new IFlowComputeTrigger()],
])('%s, Run Finished: the item shows the callback URL without its signature', async (_name, create) => {
	const node = create();
	const { context } = pollContext({
		node,
		parameters: { project: { __rl: true, mode: 'id', value: PROJECT_A }, event: 'runFinished' },
		credentials: emu.credentials() as ICredentialDataDecryptedObject,
	});
	expect(await node.poll.call(context)).toBeNull(); // activation: only records where the feed stands

	const created = await emu.api<IDataObject>('compute', 'POST', '/runs', {
		body: {
			pipeline_id: '5c2e8f10-7d3b-4e61-9a2f-1b0c9d8e7f61',
			params: {},
			callback_url: `http://127.0.0.1:9/webhook-waiting/55?signature=${SIGNATURE}`,
		},
	});
	await emu.control('POST', `/runs/${String(created.id)}/outcome`, { outcome: 'succeeded' });

	const result = await node.poll.call(context);
	const items = result?.[0] ?? [];
	expect(items.map((item) => item.json.id)).toEqual([created.id]);
	// A run's callback_url is x-inferred: a server without it sends no URL, so nothing to hide.
	const shown = 'http://127.0.0.1:9/webhook-waiting/55?signature=<redacted>';
	expect(items[0].json.callback_url).toBe(byProfile({ full: shown, documented: undefined }));
	expect(allText(items)).not.toContain(SIGNATURE);
});
