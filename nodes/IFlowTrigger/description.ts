import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { optionsCollection, pipelineModes, projectField } from '../shared/descriptions';
import type { TriggerEvent } from './helpers/events';

/**
 * The fields of every iFlow trigger node. The service triggers (iFlow Miner Trigger, …) offer a
 * part of the events; the original iFlow Trigger offers them all. All of them poll through the
 * same code (poll/index.ts), so a field means the same on every node.
 */

/** Which events a trigger node offers, and the one a new node starts with. */
export interface TriggerEvents {
	events: TriggerEvent[];
	default: TriggerEvent;
}

const EVENT_OPTIONS: Array<INodePropertyOptions & { value: TriggerEvent }> = [
	{
		name: 'File Added',
		value: 'fileAdded',
		description: 'A file was written (uploaded, copied, produced by a run) under a path of the project bucket',
	},
	{
		name: 'Order Created',
		value: 'orderCreated',
		description: 'A new order was created in the project',
	},
	{
		name: 'Order Status Changed',
		value: 'orderStatusChanged',
		description:
			'An order moved to another status (statuses passed through between two polls too, where the server has an audit feed)',
	},
	{
		name: 'Report Signed',
		value: 'reportSigned',
		description: 'A report was approved and signed: its order reached Completed',
	},
	{
		name: 'Run Finished',
		value: 'runFinished',
		description: 'A pipeline run ended: succeeded, failed or cancelled',
	},
	{
		name: 'Sample Created',
		value: 'sampleCreated',
		description: 'A new sample was registered in the project',
	},
];

const toStatuses: INodeProperties = {
	displayName: 'To Status',
	name: 'toStatuses',
	type: 'multiOptions',
	options: [
		{ name: 'Analyzing', value: 'analyzing' },
		{ name: 'Cancelled', value: 'cancelled' },
		{ name: 'Completed', value: 'completed' },
		{ name: 'Review', value: 'review' },
		{ name: 'Sign Off', value: 'sign_off' },
	],
	default: [],
	description: 'Only changes into these statuses. Leave empty for every change.',
	displayOptions: { show: { event: ['orderStatusChanged'] } },
};

const outcome: INodeProperties = {
	displayName: 'Outcome',
	name: 'outcome',
	type: 'options',
	options: [
		{
			name: 'Any',
			value: 'any',
			description: 'Succeeded, failed or cancelled',
		},
		{ name: 'Cancelled', value: 'cancelled' },
		{ name: 'Failed', value: 'failed' },
		{ name: 'Succeeded', value: 'succeeded' },
	],
	default: 'any',
	description: 'Which finished runs start the workflow',
	displayOptions: { show: { event: ['runFinished'] } },
};

const pipeline: INodeProperties = {
	displayName: 'Pipeline',
	name: 'pipeline',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'Only runs of this pipeline (any version). Leave empty for every pipeline.',
	displayOptions: { show: { event: ['runFinished'] } },
	...pipelineModes('id'),
};

const pathPrefix: INodeProperties = {
	displayName: 'Path Prefix',
	name: 'pathPrefix',
	type: 'string',
	default: '',
	placeholder: 'analyses/',
	description:
		'Only files whose path in the project bucket starts with this (a gs:// or s3:// URI of the bucket works too). Leave empty for the whole bucket.',
	displayOptions: { show: { event: ['fileAdded'] } },
};

const options: INodeProperties = optionsCollection([
	{
		displayName: 'Emit Existing on First Poll',
		name: 'emitExisting',
		type: 'boolean',
		default: false,
		description:
			"Whether the first poll after activation also emits what already exists, oldest first (for status events: each order's current status). Off: the first poll only records where to start.",
	},
]);

/** Fields shown only for some events, and those events. */
const EVENT_FIELDS: Array<[INodeProperties, TriggerEvent]> = [
	[toStatuses, 'orderStatusChanged'],
	[outcome, 'runFinished'],
	[pipeline, 'runFinished'],
	[pathPrefix, 'fileAdded'],
];

/** Project, Event (the offered events only), the fields those events use, Options. */
export function triggerProperties(offered: TriggerEvents): INodeProperties[] {
	const defaultEvent = offered.default;
	const event: INodeProperties = {
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: EVENT_OPTIONS.filter((option) => offered.events.includes(option.value)),
		default: defaultEvent,
		description: 'What starts the workflow',
	};
	const fields = EVENT_FIELDS.filter(([, shownFor]) => offered.events.includes(shownFor)).map(([field]) => field);
	return [projectField(), event, ...fields, options];
}

export const MINER_EVENTS: TriggerEvents = {
	events: ['orderCreated', 'orderStatusChanged', 'sampleCreated'],
	default: 'orderStatusChanged',
};
export const COMPUTE_EVENTS: TriggerEvents = { events: ['runFinished'], default: 'runFinished' };
export const FILES_EVENTS: TriggerEvents = { events: ['fileAdded'], default: 'fileAdded' };
export const REPORT_EVENTS: TriggerEvents = { events: ['reportSigned'], default: 'reportSigned' };
/** The original iFlow Trigger: every event; saved nodes without an `event` parameter mean Run Finished. */
export const ALL_EVENTS: TriggerEvents = {
	events: EVENT_OPTIONS.map((option) => option.value),
	default: 'runFinished',
};

/** The canvas subtitle: the event's name as the Event list shows it ("orderStatusChanged" → "Order Status Changed"). */
export const EVENT_SUBTITLE =
	'={{ $parameter["event"].replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase()) }}';
