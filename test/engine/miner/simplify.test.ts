import type { EmulatorHandle } from '../../helpers/emulator';
import { IFlowMiner } from '../../../nodes/IFlowMiner/IFlowMiner.node';
import { SIMPLIFY } from '../../../nodes/IFlowMiner/actions/simplify';
import { describeSimplify } from '../simplify';
import { byId, createOrder, createSample, createSubject, useEmulator } from './fixtures';

const emulator = useEmulator();

const subject = async (emu: EmulatorHandle) => ({ subjectId: String((await createSubject(emu, 'SUB-1')).id) });
const sample = async (emu: EmulatorHandle) => {
	const { subjectId } = await subject(emu);
	return { subjectId, sampleId: String((await createSample(emu, subjectId, 'SAM-1')).id) };
};
const order = async (emu: EmulatorHandle) => ({ orderId: String((await createOrder(emu, 'ORD-1')).id) });

describe('Miner › Simplify', () => {
	describeSimplify({
		node: new IFlowMiner(),
		table: SIMPLIFY,
		oldVersion: 1,
		emulator,
		cases: {
			'subject.get': {
				setup: subject,
				parameters: ({ subjectId }) => ({ resource: 'subject', operation: 'get', subjectId: byId(subjectId) }),
			},
			'subject.getMany': {
				setup: subject,
				parameters: () => ({ resource: 'subject', operation: 'getMany', returnAll: true }),
			},
			'subject.create': {
				writes: true,
				parameters: (_made, run) => ({ resource: 'subject', operation: 'create', displayId: `SUB-${run}` }),
			},
			'subject.update': {
				writes: true,
				setup: subject,
				parameters: ({ subjectId }, run) => ({
					resource: 'subject',
					operation: 'update',
					subjectId: byId(subjectId),
					updateFields: { diagnosis: `Lynch ${run}` },
				}),
			},
			'subject.upsert': {
				writes: true,
				parameters: () => ({ resource: 'subject', operation: 'upsert', displayId: 'SUB-U' }),
			},
			'sample.get': {
				setup: sample,
				parameters: ({ sampleId }) => ({ resource: 'sample', operation: 'get', sampleId: byId(sampleId) }),
			},
			'sample.getMany': {
				setup: sample,
				parameters: () => ({ resource: 'sample', operation: 'getMany', returnAll: true }),
			},
			'sample.create': {
				writes: true,
				setup: subject,
				parameters: ({ subjectId }, run) => ({
					resource: 'sample',
					operation: 'create',
					subjectId: byId(subjectId),
					displayId: `SAM-${run}`,
				}),
			},
			'sample.update': {
				writes: true,
				setup: sample,
				parameters: ({ sampleId }, run) => ({
					resource: 'sample',
					operation: 'update',
					sampleId: byId(sampleId),
					updateFields: { notes: `note ${run}` },
				}),
			},
			'sample.upsert': {
				writes: true,
				setup: subject,
				parameters: ({ subjectId }) => ({
					resource: 'sample',
					operation: 'upsert',
					subjectId: byId(subjectId),
					displayId: 'SAM-U',
				}),
			},
			'order.get': {
				setup: order,
				parameters: ({ orderId }) => ({ resource: 'order', operation: 'get', orderId: byId(orderId) }),
			},
			'order.getMany': {
				setup: order,
				parameters: () => ({ resource: 'order', operation: 'getMany', returnAll: true }),
			},
			'order.getSamples': {
				setup: async (emu) => {
					const { sampleId } = await sample(emu);
					const made = await createOrder(emu, 'ORD-1', { samples: [{ sample_id: sampleId, role: 'proband' }] });
					return { orderId: String(made.id) };
				},
				parameters: ({ orderId }) => ({ resource: 'order', operation: 'getSamples', orderId: byId(orderId) }),
			},
			'order.create': {
				writes: true,
				parameters: (_made, run) => ({ resource: 'order', operation: 'create', displayId: `ORD-${run}` }),
			},
			'order.update': {
				writes: true,
				setup: order,
				parameters: ({ orderId }, run) => ({
					resource: 'order',
					operation: 'update',
					orderId: byId(orderId),
					updateFields: { indication: `Lynch ${run}` },
				}),
			},
			'order.transition': {
				writes: true,
				setup: order,
				parameters: ({ orderId }) => ({
					resource: 'order',
					operation: 'transition',
					orderId: byId(orderId),
					targetStatus: 'analyzing',
				}),
			},
			'order.cancel': {
				writes: true,
				setup: order,
				parameters: ({ orderId }) => ({ resource: 'order', operation: 'cancel', orderId: byId(orderId) }),
			},
			'order.addSample': {
				writes: true,
				setup: async (emu) => ({ ...(await order(emu)), ...(await subject(emu)) }),
				parameters: async ({ orderId, subjectId }, run, emu) => ({
					resource: 'order',
					operation: 'addSample',
					orderId: byId(orderId),
					sampleId: byId(String((await createSample(emu, subjectId, `SAM-${run}`)).id)),
				}),
			},
		},
	});
});
