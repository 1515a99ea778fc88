import type { INodeParameters } from 'n8n-workflow';

import type { EmulatorHandle } from '../../helpers/emulator';
import { IFlowMiner } from '../../../nodes/IFlowMiner/IFlowMiner.node';
import { SIMPLIFY } from '../../../nodes/IFlowMiner/actions/simplify';
import { describeSimplify, type SimplifyCase } from '../simplify';
import { byId, createOrder, createSample, createSubject } from './fixtures';

type Made = Record<string, string>;
type Resource = 'subject' | 'sample' | 'order';

const subject = async (emu: EmulatorHandle) => ({ subjectId: String((await createSubject(emu, 'SUB-1')).id) });
const sample = async (emu: EmulatorHandle) => {
	const { subjectId } = await subject(emu);
	return { subjectId, sampleId: String((await createSample(emu, subjectId, 'SAM-1')).id) };
};
const order = async (emu: EmulatorHandle) => ({ orderId: String((await createOrder(emu, 'ORD-1')).id) });

/** An operation on the record `setup` made, found by its ID (`subjectId`, `sampleId`, `orderId`). */
const onRecord = (
	resource: Resource,
	operation: string,
	setup: (emu: EmulatorHandle) => Promise<Made>,
	fields: (run: number) => INodeParameters = () => ({}),
): SimplifyCase => ({
	setup,
	parameters: (made, run) => ({ resource, operation, [`${resource}Id`]: byId(made[`${resource}Id`]), ...fields(run) }),
});
/** Get Many of every record of the resource, with one made by `setup`. */
const all = (resource: Resource, setup: (emu: EmulatorHandle) => Promise<Made>): SimplifyCase => ({
	setup,
	parameters: () => ({ resource, operation: 'getMany', returnAll: true }),
});

/** A create with a new display ID each run. */
const created = (resource: 'subject' | 'order', prefix: string): SimplifyCase => ({
	writes: true,
	parameters: (_made, run) => ({ resource, operation: 'create', displayId: `${prefix}-${run}` }),
});
/** Sample › Create or Create or Update, for the subject `subject` made. */
const sampleOfSubject = (operation: 'create' | 'upsert', displayId: (run: number) => string): SimplifyCase => ({
	writes: true,
	setup: subject,
	parameters: ({ subjectId }, run) => ({
		resource: 'sample',
		operation,
		subjectId: byId(subjectId),
		displayId: displayId(run),
	}),
});

describeSimplify('Miner', {
	node: new IFlowMiner(),
	table: SIMPLIFY,
	oldVersion: 1,
	cases: {
		'subject.get': onRecord('subject', 'get', subject),
		'subject.getMany': all('subject', subject),
		'subject.create': created('subject', 'SUB'),
		'subject.update': {
			writes: true,
			...onRecord('subject', 'update', subject, (run) => ({ updateFields: { diagnosis: `Lynch ${run}` } })),
		},
		'subject.upsert': {
			writes: true,
			parameters: () => ({ resource: 'subject', operation: 'upsert', displayId: 'SUB-U' }),
		},
		'sample.get': onRecord('sample', 'get', sample),
		'sample.getMany': all('sample', sample),
		'sample.create': sampleOfSubject('create', (run) => `SAM-${run}`),
		'sample.update': {
			writes: true,
			...onRecord('sample', 'update', sample, (run) => ({ updateFields: { notes: `note ${run}` } })),
		},
		'sample.upsert': sampleOfSubject('upsert', () => 'SAM-U'),
		'order.get': onRecord('order', 'get', order),
		'order.getMany': all('order', order),
		'order.getSamples': onRecord('order', 'getSamples', async (emu) => {
			const { sampleId } = await sample(emu);
			const made = await createOrder(emu, 'ORD-1', { samples: [{ sample_id: sampleId, role: 'proband' }] });
			return { orderId: String(made.id) };
		}),
		'order.create': created('order', 'ORD'),
		'order.update': {
			writes: true,
			...onRecord('order', 'update', order, (run) => ({ updateFields: { indication: `Lynch ${run}` } })),
		},
		'order.transition': {
			writes: true,
			...onRecord('order', 'transition', order, () => ({ targetStatus: 'analyzing' })),
		},
		'order.cancel': { writes: true, ...onRecord('order', 'cancel', order) },
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
