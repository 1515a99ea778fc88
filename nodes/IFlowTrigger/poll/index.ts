import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { redactRunSecretsInItems, toBucketPath } from '../../shared/helpers';
import { requiredProject } from '../../shared/project';
import type { TriggerEvents } from '../description';
import type { TriggerEvent } from '../helpers/events';
import { pollCreated } from './created';
import { pollFiles } from './files';
import { pollOrders } from './orders';
import { pollRuns } from './runs';
import type { Settings } from './settings';
import { param } from './settings';
import { loadState } from './state';

/**
 * The poll of every iFlow trigger node: `offered` is the node's event list. Run items carry the
 * run's callback_url: never its signature (see redactRunSecrets).
 */
export async function pollEvents(this: IPollFunctions, offered: TriggerEvents): Promise<INodeExecutionData[][] | null> {
	const outputs = await pollFlow.call(this, offered);
	return outputs && outputs.map(redactRunSecretsInItems);
}

/**
 * One poll. Every event works from the lists the published reference documents; the node's
 * static data changes only once every read of the poll succeeded (any error is thrown before).
 */
export async function pollFlow(this: IPollFunctions, offered: TriggerEvents): Promise<INodeExecutionData[][] | null> {
	const event = param(this, 'event', offered.default) as TriggerEvent;
	// A node pasted or edited by hand may name an event its own list does not offer.
	if (!offered.events.includes(event)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid 'Event': '${String(event)}' is not an event of this node (it offers: ${offered.events.join(', ')})`,
		);
	}
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

	const projectId = await requiredProject(this);
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
