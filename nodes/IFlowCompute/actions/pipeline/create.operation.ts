import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseJsonParameter, requireString, splitTags } from '../../../shared/helpers';
import { itemProject } from '../../../shared/project';
import { flowRequest } from '../../../shared/transport';
import { createOnce } from '../../../shared/transport/reconcile';
import { pipelineVersionKey } from '../../helpers/pipelineKey';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Hereditary panel',
		description: 'Name shown in iFlow',
	},
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'hereditary-panel',
		description: 'Lower-case letters, digits and dashes',
	},
	{
		displayName: 'Version',
		name: 'version',
		type: 'string',
		default: '1.0.0',
		required: true,
		placeholder: '1.0.0',
		description: 'Version number of this registration (semantic version); slug and version together must be new',
	},
	{
		displayName: 'Source Type',
		name: 'sourceType',
		type: 'options',
		default: 'gitlab',
		options: [
			{ name: 'GitHub', value: 'github' },
			{ name: 'GitLab', value: 'gitlab' },
			{ name: 'Nf-Core', value: 'nfcore' },
		],
	},
	{
		displayName: 'Source URL',
		name: 'sourceUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://gitlab.example.org/pipelines/hereditary-panel/hereditary-panel.wdl',
		description: 'Where the WDL file or Nextflow pipeline lives',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Default Container Image',
				name: 'defaultContainerImage',
				type: 'string',
				default: 'broadinstitute/cromwell:86',
				description: 'Container image runs of this pipeline use unless told otherwise',
			},
			{
				displayName: 'Default Profile',
				name: 'defaultProfile',
				type: 'string',
				default: 'local',
				description: 'Nextflow profile runs use unless Submit sets another',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'Germline SNV/indel calling for the hereditary cancer panel',
				description: 'What the pipeline does, shown in iFlow',
			},
			{
				displayName: 'Execution Mode',
				name: 'executionMode',
				type: 'options',
				default: 'direct_wdl',
				options: [
					{ name: 'Container Entrypoint', value: 'container_entrypoint' },
					{ name: 'Nextflow', value: 'direct_nextflow' },
					{ name: 'WDL (Cromwell)', value: 'direct_wdl' },
				],
			},
			{
				displayName: 'Organization ID',
				name: 'orgId',
				type: 'string',
				default: '',
				description:
					"For scope Organization: the organization's ID (a UUID, from iFlow Admin › Organization › Get Many)",
			},
			{
				displayName: 'Overwrite Existing Version',
				name: 'force',
				type: 'boolean',
				default: false,
				description: 'Whether to overwrite a version with the same slug and version number instead of failing',
			},
			{
				displayName: 'Project ID',
				name: 'projectId',
				type: 'string',
				default: '',
				description: "For scope Project: the project's ID (a UUID, from iFlow Admin › Project › Get Many)",
			},
			{
				displayName: 'Properties (JSON)',
				name: 'properties',
				type: 'json',
				default: '{}',
				description: 'Free metadata, e.g. {"author": "Intelliseq"}',
			},
			{
				displayName: 'Scope',
				name: 'scope',
				type: 'options',
				default: 'global',
				options: [
					{ name: 'Global', value: 'global' },
					{ name: 'Organization', value: 'org' },
					{ name: 'Project', value: 'project' },
				],
			},
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated tags' },
		],
	},
];

const displayOptions = { show: { resource: ['pipeline'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `POST /pipelines`: register one pipeline version (org admins; 409 "already exists" unless overwriting). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const slug = requireString(this, 'slug', 'Slug', itemIndex);
	if (!SLUG.test(slug)) {
		throw new NodeOperationError(
			this.getNode(),
			`'Slug' must be lower-case letters, digits and single dashes, got "${slug}"`,
			{
				itemIndex,
			},
		);
	}
	const sourceUrl = requireString(this, 'sourceUrl', 'Source URL', itemIndex);
	if (!/^https?:\/\/\S+$/i.test(sourceUrl)) {
		throw new NodeOperationError(this.getNode(), `'Source URL' must be an http(s) URL, got "${sourceUrl}"`, {
			itemIndex,
		});
	}
	const body: IDataObject = {
		name: requireString(this, 'name', 'Name', itemIndex),
		slug,
		version: requireString(this, 'version', 'Version', itemIndex),
		source_type: this.getNodeParameter('sourceType', itemIndex),
		source_url: sourceUrl,
	};
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const mapping: Record<string, string> = {
		defaultContainerImage: 'default_container_image',
		defaultProfile: 'default_profile',
		description: 'description',
		executionMode: 'execution_mode',
		orgId: 'org_id',
		projectId: 'project_id',
		scope: 'scope',
	};
	for (const [field, key] of Object.entries(mapping)) {
		if (fields[field] !== undefined && fields[field] !== '') body[key] = fields[field];
	}
	if (fields.tags !== undefined) body.tags = splitTags(String(fields.tags));
	if (fields.force) body.force = true;
	if (fields.properties !== undefined) {
		const properties = parseJsonParameter(this, 'additionalFields.properties', 'Properties (JSON)', itemIndex);
		if (Array.isArray(properties)) {
			throw new NodeOperationError(this.getNode(), "'Properties (JSON)' must be a JSON object, not a list", {
				itemIndex,
			});
		}
		if (properties) body.properties = properties;
	}
	const send = async () =>
		(await flowRequest.call(this, {
			service: 'compute',
			method: 'POST',
			path: '/pipelines',
			body,
			project: 'optional',
			projectId: itemProject(this, itemIndex),
			itemIndex,
		})) as IDataObject;
	return await createOnce(this.getNode(), itemIndex, send, pipelineVersionKey(this, body, itemIndex));
}
