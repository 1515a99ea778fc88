import type { ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';

import { loadOptionsContext } from '../../../helpers/engine';
import { PROJECT_A, PROJECT_B } from '../../../helpers/emulator';
import type { EmulatorHandle } from '../../../helpers/emulator';
import {
	byId,
	createOrder,
	createSample,
	createSubject,
	node,
	transition,
	UNKNOWN_ID,
	useEmulatorHandle,
} from '../fixtures';

const emu = useEmulatorHandle();

function context(emu: EmulatorHandle, parameters: Record<string, unknown>): ILoadOptionsFunctions {
	const ctx = loadOptionsContext({ node, parameters: parameters as INodeParameters, credentials: emu.credentials() });
	// n8n's editor sends the node's current parameters with every load-options call.
	(ctx as unknown as { additionalData: { currentNodeParameters: unknown } }).additionalData.currentNodeParameters =
		parameters;
	return ctx as unknown as ILoadOptionsFunctions;
}

const search = node.methods.listSearch;
const targets = node.methods.loadOptions.getTransitionTargets;
const transitionParams = (orderId: unknown) => ({
	resource: 'order',
	operation: 'transition',
	orderId,
	targetStatus: '',
});

describe('Miner › pickers', () => {
	test('searchSubjects / searchSamples / searchOrders search by display id in the project', async () => {
		const subject = await createSubject(emu, 'SUB-ALPHA');
		await createSubject(emu, 'SUB-BETA');
		const sample = await createSample(emu, String(subject.id), 'SAM-ALPHA');
		const order = await createOrder(emu, 'ORD-ALPHA');
		await emu.clearRequests();
		const ctx = context(emu, { resource: 'subject', operation: 'get' });
		expect((await search.searchSubjects.call(ctx, 'alpha')).results).toEqual([
			{ name: 'SUB-ALPHA', value: subject.id },
		]);
		expect((await search.searchSamples.call(ctx, 'ALPHA')).results).toEqual([{ name: 'SAM-ALPHA', value: sample.id }]);
		expect((await search.searchOrders.call(ctx)).results).toEqual([{ name: 'ORD-ALPHA · created', value: order.id }]);
		const requests = await emu.requests({ service: 'miner' });
		expect(requests.map((r) => [r.path, r.query.search, r.headers['x-project-id']])).toEqual([
			['/api/v1/subjects', 'alpha', PROJECT_A],
			['/api/v1/samples', 'ALPHA', PROJECT_A],
			['/api/v1/orders', undefined, PROJECT_A],
		]);
	});

	test("the pickers search in the node's Project", async () => {
		await createSubject(emu, 'SUB-A');
		await emu.clearRequests();
		const ctx = context(emu, { resource: 'subject', operation: 'get', project: byId(PROJECT_B) });
		expect((await search.searchSubjects.call(ctx)).results).toEqual([]);
		const [request] = await emu.requests({ service: 'miner' });
		expect(request.headers['x-project-id']).toBe(PROJECT_B);
	});

	test('searchProjects lists the projects of the token', async () => {
		const { results } = await search.searchProjects.call(context(emu, {}), 'hereditary');
		expect(results.map((r) => r.value)).toEqual([PROJECT_A]);
	});

	test('Transition targets: the moves legal from the order status', async () => {
		const order = await createOrder(emu, 'ORD-1');
		await transition(emu, String(order.id), 'analyzing');
		const options = await targets.call(context(emu, transitionParams(byId(String(order.id)))));
		expect(options.map((o) => o.value)).toEqual(['review', 'sign_off']);
		await transition(emu, String(order.id), 'cancelled');
		// A final status: one explanatory entry instead of an empty list (transitionTargets.test.ts).
		expect((await targets.call(context(emu, transitionParams(byId(String(order.id)))))).map((o) => o.value)).toEqual([
			'__noFurtherStatus__',
		]);
	});

	test('Transition targets: every target when the order is unknown or not chosen', async () => {
		const all = ['analyzing', 'review', 'sign_off'];
		expect((await targets.call(context(emu, transitionParams(byId(''))))).map((o) => o.value)).toEqual(all);
		expect((await targets.call(context(emu, transitionParams(byId(UNKNOWN_ID))))).map((o) => o.value)).toEqual(all);
	});
});
