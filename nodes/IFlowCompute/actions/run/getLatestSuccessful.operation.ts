import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectField, recordLocator } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { latestSucceeded, runStatus } from '../../helpers/runs';
import { runsOfOrder } from './getRunsOfOrder.operation';

const properties: INodeProperties[] = [projectField(), recordLocator('order', 'Order', 'searchOrders')];

const displayOptions = { show: { resource: ['run'], operation: ['getLatestSuccessful'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The newest succeeded run of an order; a clear error (with what exists) when there is none. */
export async function latestSuccessfulRun(
	this: IExecuteFunctions,
	orderId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const runs = await runsOfOrder.call(this, orderId, itemIndex);
	const run = latestSucceeded(runs);
	if (run) return run;
	const counts = new Map<string, number>();
	for (const r of runs) counts.set(runStatus(r) || 'unknown', (counts.get(runStatus(r) || 'unknown') ?? 0) + 1);
	const summary = runs.length ? [...counts].map(([status, n]) => `${n} ${status}`).join(', ') : 'no runs at all';
	throw new NodeOperationError(this.getNode(), `Order ${orderId} has no succeeded run (${summary})`, {
		itemIndex,
		description: 'Submit a run with this order linked, or wait until a running one succeeds.',
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = requireId(this, 'order', 'Order', itemIndex);
	return await latestSuccessfulRun.call(this, orderId, itemIndex);
}
