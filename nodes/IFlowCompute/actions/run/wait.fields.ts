import { NodeOperationError } from 'n8n-workflow';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { WaitSettings } from '../../helpers/wait';
import { downloadUrlsField } from '../fields';

export const DEFAULT_INTERVAL_S = 15;
export const DEFAULT_MAX_WAIT_MIN = 30;
const MAX_WAIT_LIMIT_MIN = 24 * 60;

/**
 * Poll interval, maximum wait and signed URLs: shown by Wait for Completion and by Submit's option.
 * `displayOptions`: only a condition on another field (the operation scopes the fields).
 */
export function waitFields(displayOptions?: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			default: DEFAULT_INTERVAL_S,
			typeOptions: { minValue: 0.01, numberPrecision: 2 },
			description:
				'Seconds between the first status checks; later checks are spaced out gently (×1.25 each time, up to 8× this value)',
			displayOptions,
		},
		{
			displayName: 'Max Wait (Minutes)',
			name: 'maxWait',
			type: 'number',
			default: DEFAULT_MAX_WAIT_MIN,
			typeOptions: { minValue: 0.01, maxValue: MAX_WAIT_LIMIT_MIN, numberPrecision: 2 },
			description:
				'Give up with a timeout error after this long (at most 24 hours). For runs of hours use the "Resume this execution" callback instead: waiting here occupies an n8n worker.',
			displayOptions,
		},
		downloadUrlsField(displayOptions),
	];
}

export function readWaitSettings(ctx: IExecuteFunctions, itemIndex: number): WaitSettings {
	const interval = Number(ctx.getNodeParameter('pollInterval', itemIndex, DEFAULT_INTERVAL_S));
	const maxWait = Number(ctx.getNodeParameter('maxWait', itemIndex, DEFAULT_MAX_WAIT_MIN));
	if (!(interval > 0)) {
		throw new NodeOperationError(ctx.getNode(), "'Poll Interval (Seconds)' must be a number above 0", { itemIndex });
	}
	if (!(maxWait > 0) || maxWait > MAX_WAIT_LIMIT_MIN) {
		throw new NodeOperationError(ctx.getNode(), "'Max Wait (Minutes)' must be above 0 and at most 1440 (24 hours)", {
			itemIndex,
		});
	}
	return {
		intervalMs: interval * 1000,
		maxWaitMs: maxWait * 60_000,
		downloadUrls: ctx.getNodeParameter('downloadUrls', itemIndex, false) as boolean,
	};
}
