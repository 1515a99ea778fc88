import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pipelineModes } from '../../shared/descriptions';
import { requireId } from '../../shared/helpers';

/** Pipeline by slug: from the searchable list (value = slug) or typed. */
export function pipelineField(): INodeProperties {
	return {
		displayName: 'Pipeline',
		name: 'pipeline',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The pipeline, by slug (e.g. hereditary-mock)',
		...pipelineModes('slug'),
	};
}

/** A version of the selected pipeline; empty = the latest active one. */
export function versionField(): INodeProperties {
	return {
		displayName: 'Version Name or ID',
		name: 'version',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPipelineVersions', loadOptionsDependsOn: ['pipeline.value'] },
		default: '',
		description:
			'Pipeline version; leave at Latest for the newest active version. Inactive versions come last, marked (inactive): iFlow decides whether one may still run. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The pipeline slug from the locator, checked before any request. */
export function readPipelineSlug(ctx: IExecuteFunctions, itemIndex: number): string {
	return requireId(ctx, 'pipeline', 'Pipeline', itemIndex, {
		uuid: false,
		format: { pattern: SLUG, expected: 'a pipeline slug such as hereditary-mock' },
	});
}

/** `displayOptions`: only a condition on another field (the operation scopes the field). */
export function runIdField(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Run ID',
		name: 'runId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '9e4b1c7a-2f60-4d8e-b3a1-6c5d4e3f2a10',
		description: "The run's ID (a UUID), as output by Run › Submit or Get Many",
		displayOptions,
	};
}

/** Add Download URLs, of Get Outputs and of the wait fields (Wait for Completion, Submit's option). */
export function downloadUrlsField(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Add Download URLs',
		name: 'downloadUrls',
		type: 'boolean',
		default: false,
		description:
			"Whether to add a signed download URL (valid about an hour) to each File output. Each link is a bearer secret: anyone who can read this execution's data can download the file with it until it expires.",
		displayOptions,
	};
}
