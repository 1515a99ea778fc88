import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requiredProject } from '../../shared/project';
import { normalizeBucketName, toBucketPath } from '../../shared/helpers';
import { flowRequest, listItems } from '../../shared/transport';
import { getRunOutputs } from './computeApi';

/** `gs://bucket/…` or `s3://bucket/…` → bucket; undefined for anything else. */
export function bucketFromUri(uri: unknown): string | undefined {
	const match = /^(gs|s3):\/\/([^/]+)/.exec(String(uri ?? ''));
	return match ? match[2] : undefined;
}

/** The run's project: the detail view carries it; else the node's Project field or the credential. */
async function projectOf(ctx: IExecuteFunctions, run: IDataObject, itemIndex: number): Promise<string> {
	if (run.project_id) return String(run.project_id);
	return await requiredProject(ctx, itemIndex);
}

/** The project bucket: from the run's output_path, else from admin `GET /projects/{id}`. */
async function bucketOf(ctx: IExecuteFunctions, run: IDataObject, projectId: string, itemIndex: number) {
	const fromRun = bucketFromUri(run.output_path);
	if (fromRun) return fromRun;
	const project = (await flowRequest.call(ctx, {
		service: 'admin',
		method: 'GET',
		path: `/projects/${encodeURIComponent(projectId)}`,
		itemIndex,
	})) as IDataObject;
	return normalizeBucketName(project?.bucket_name as string) || undefined;
}

/** Add `bucket_path`, `download_url`, `download_url_expires_at` to every File output with a path. */
export async function withDownloadUrls(
	ctx: IExecuteFunctions,
	run: IDataObject,
	outputs: IDataObject[],
	itemIndex: number,
): Promise<IDataObject[]> {
	const files = outputs.filter((o) => o.path && String(o.type ?? 'File').startsWith('File'));
	if (files.length === 0) return outputs;
	const projectId = await projectOf(ctx, run, itemIndex);
	const bucket = await bucketOf(ctx, run, projectId, itemIndex);
	const result: IDataObject[] = [];
	for (const output of outputs) {
		if (!files.includes(output)) {
			result.push(output);
			continue;
		}
		const { path, problem } = toBucketPath(String(output.path), bucket);
		if (!path) {
			throw new NodeOperationError(ctx.getNode(), `Output "${String(output.name)}" has an unusable path: ${problem}`, {
				itemIndex,
			});
		}
		const signed = (await flowRequest.call(ctx, {
			service: 'files',
			method: 'GET',
			path: '/files/download-url',
			qs: { path },
			project: 'required',
			projectId,
			projectInQuery: true,
			itemIndex,
		})) as IDataObject;
		result.push({
			...output,
			bucket_path: path,
			download_url: signed.url,
			download_url_expires_at: signed.expires_at ?? null,
		});
	}
	return result;
}

/** `GET /runs/{id}/outputs` → `{ outputs, outputs_message }`, optionally with signed download URLs. */
export async function fetchOutputs(
	this: IExecuteFunctions,
	run: IDataObject,
	itemIndex: number,
	downloadUrls: boolean,
): Promise<{ outputs: IDataObject[]; outputs_message: string | null }> {
	const body = await getRunOutputs(this, String(run.id), itemIndex);
	let outputs = listItems(body, 'outputs');
	if (downloadUrls) outputs = await withDownloadUrls(this, run, outputs, itemIndex);
	return { outputs, outputs_message: (body?.message as string) ?? null };
}
