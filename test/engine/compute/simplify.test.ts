import type { INodeParameters } from 'n8n-workflow';

import { IFlowCompute } from '../../../nodes/IFlowCompute/IFlowCompute.node';
import { SIMPLIFY } from '../../../nodes/IFlowCompute/actions/simplify';
import type { EmulatorHandle } from '../../helpers/emulator';
import { byId } from '../../helpers/suite';
import { describeSimplify, type SimplifyCase } from '../simplify';
import { bySlug, createOrder, finishedRun, HEREDITARY_110, submitRun } from './fixtures';

/** A succeeded run linked to an order. */
async function succeededRun(emu: EmulatorHandle) {
	const order = await createOrder(emu, 'ORD-S');
	const run = await finishedRun(emu, 'succeeded', { order_id: order.id });
	return { orderId: String(order.id), runId: String(run.id) };
}

/** A Run operation on the order of the succeeded run. */
const ofOrder = (operation: string, extra: INodeParameters = {}): SimplifyCase => ({
	setup: succeededRun,
	parameters: ({ orderId }) => ({ resource: 'run', operation, order: byId(orderId), ...extra }),
});

// Runs move only when a test advances the clock (as in every Compute test: ./fixtures.ts).
describeSimplify('Compute', {
	node: new IFlowCompute(),
	table: SIMPLIFY,
	oldVersion: 1.1,
	emulator: { clock: 'manual' },
	cases: {
		'pipeline.create': {
			writes: true,
			parameters: (_made, run) => ({
				resource: 'pipeline',
				operation: 'create',
				name: 'Simplify check',
				slug: `simplify-check-${run}`,
				version: '1.0.0',
				sourceType: 'gitlab',
				sourceUrl: 'https://gitlab.example.org/pipelines/simplify-check.wdl',
				additionalFields: { properties: '{"author": "Intelliseq"}' },
			}),
		},
		'pipeline.get': { parameters: () => ({ resource: 'pipeline', operation: 'get', pipelineId: HEREDITARY_110 }) },
		'pipeline.getBySlug': {
			parameters: () => ({ resource: 'pipeline', operation: 'getBySlug', pipeline: bySlug('hereditary-mock') }),
		},
		'pipeline.getMany': { parameters: () => ({ resource: 'pipeline', operation: 'getMany', returnAll: true }) },
		'pipeline.getVersions': {
			parameters: () => ({ resource: 'pipeline', operation: 'getVersions', pipeline: bySlug('hereditary-mock') }),
		},
		'run.cancel': {
			writes: true,
			small: true, // DELETE /runs/{id} answers 204: the node returns {id, status, cancelled}
			parameters: async (_made, _run, emu) => ({
				resource: 'run',
				operation: 'cancel',
				runId: String((await submitRun(emu)).id),
			}),
		},
		'run.get': { setup: succeededRun, parameters: ({ runId }) => ({ resource: 'run', operation: 'get', runId }) },
		'run.getLatestSuccessful': ofOrder('getLatestSuccessful'),
		'run.getMany': {
			setup: succeededRun,
			parameters: () => ({ resource: 'run', operation: 'getMany', returnAll: true, filters: {} }),
		},
		'run.getOutputByName': {
			setup: succeededRun,
			firstKey: 'run_id',
			parameters: ({ runId }) => ({
				resource: 'run',
				operation: 'getOutputByName',
				source: 'run',
				runId,
				outputName: 'annotated_vcf_gz',
			}),
		},
		'run.getOutputs': {
			setup: succeededRun,
			firstKey: 'run_id',
			parameters: ({ runId }) => ({ resource: 'run', operation: 'getOutputs', runId }),
		},
		'run.getRunsOfOrder': ofOrder('getRunsOfOrder', { returnAll: true }),
		'run.submit': {
			writes: true,
			parameters: () => ({ resource: 'run', operation: 'submit', pipeline: bySlug('hereditary-mock') }),
		},
		'run.waitForCompletion': {
			setup: succeededRun,
			parameters: ({ runId }) => ({ resource: 'run', operation: 'waitForCompletion', runId }),
		},
	},
});
