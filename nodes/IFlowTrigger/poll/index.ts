import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { toBucketPath } from '../../shared/helpers';
import { resolveProjectId } from '../../shared/transport';
import type { TriggerEvent } from '../helpers/events';
import { pollCreated } from './created';
import { pollFiles } from './files';
import { pollOrders } from './orders';
import { pollRuns } from './runs';
import type { Settings } from './settings';
import { param } from './settings';
import { loadState } from './state';

/**
 * One poll. Every event works from the lists the published reference documents; the node's
 * static data changes only once every read of the poll succeeded (any error is thrown before).
 */
export async function pollFlow(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = param(this, 'event', 'runFinished') as TriggerEvent;
	const project = String(param(this, 'project', '') ?? '').trim();
	const options = param(this, 'options', {}) as IDataObject;

	let path = '';
	let raw = '';
	if (event === 'fileAdded') {
		raw = String(param(this, 'pathPrefix', '') ?? '');
		const checked = toBucketPath(raw, undefined, { allowEmpty: true });
		if (checked.problem !== undefined || checked.path === undefined) {
			throw new NodeOperationError(this.getNode(), `Invalid 'Path Prefix': ${checked.problem}`);
		}
		path = checked.path;
	}

	const projectId = (await resolveProjectId(this, 'required', 0, project)) as string;
	const key = event === 'fileAdded' ? `${event}:${projectId}:${path}` : `${event}:${projectId}`;
	const data = this.getWorkflowStaticData('node');
	const s: Settings = {
		event,
		projectId,
		manual: this.getMode() === 'manual',
		emitExisting: options.emitExisting === true,
		data,
		key,
		stored: loadState(data, key, event),
	};

	let items: INodeExecutionData[];
	if (event === 'fileAdded') items = await pollFiles(this, s, raw, path);
	else if (event === 'orderCreated' || event === 'sampleCreated') items = await pollCreated(this, s);
	else if (event === 'runFinished') items = await pollRuns(this, s);
	else items = await pollOrders(this, s);
	return items.length ? [items] : null;
}
