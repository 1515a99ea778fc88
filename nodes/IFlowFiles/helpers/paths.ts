import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requiredProject } from '../../shared/project';
import { normalizeBucketName, segmentProblem, toBucketPath } from '../../shared/helpers';
import { flowRequest } from '../../shared/transport';

export type PathKind = 'file' | 'folder' | 'any';

// The project's bucket, fetched once per execution (per project) and only when a URI is given.
const bucketCache = new WeakMap<object, Map<string, Promise<string>>>();

async function projectBucket(ctx: IExecuteFunctions, projectId: string, itemIndex: number): Promise<string> {
	let perProject = bucketCache.get(ctx);
	if (!perProject) {
		perProject = new Map();
		bucketCache.set(ctx, perProject);
	}
	let bucket = perProject.get(projectId);
	if (!bucket) {
		const request = {
			service: 'admin' as const,
			method: 'GET' as const,
			path: `/projects/${encodeURIComponent(projectId)}`,
			itemIndex,
		};
		bucket = flowRequest
			.call(ctx, request)
			.then((project) => normalizeBucketName((project as IDataObject | undefined)?.bucket_name as string | undefined));
		perProject.set(projectId, bucket);
		bucket.catch(() => perProject.delete(projectId));
	}
	return await bucket;
}

function refuse(ctx: IExecuteFunctions, label: string, problem: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `'${label}': ${problem}`, {
		itemIndex,
		description:
			"Paths are relative to the project's bucket (e.g. samples/sam-001/uploads/reads_R1.fastq.gz); gs:// or s3:// URIs of the project's own bucket are accepted too.",
	});
}

/**
 * A bucket-relative path from a node parameter. `..`, empty paths, other URLs and URIs of
 * another bucket are refused with an error naming the field, before any Files request. A
 * `gs://`/`s3://` URI costs one admin lookup of the project's bucket per execution.
 */
export async function resolvePath(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	options: { kind?: PathKind; allowEmpty?: boolean } = {},
): Promise<string> {
	const raw = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const first = toBucketPath(raw, undefined, { allowEmpty: options.allowEmpty });
	if (first.problem) throw refuse(ctx, label, first.problem, itemIndex);
	let path = first.path as string;

	if (/^(gs|s3):\/\//i.test(raw)) {
		const projectId = await requiredProject(ctx, itemIndex);
		const bucket = await projectBucket(ctx, projectId, itemIndex);
		if (!bucket) throw refuse(ctx, label, 'the project has no bucket, so bucket URIs cannot be used', itemIndex);
		const checked = toBucketPath(raw, bucket, { allowEmpty: options.allowEmpty });
		if (checked.problem) throw refuse(ctx, label, checked.problem, itemIndex);
		path = checked.path as string;
	}
	if (options.kind === 'file' && path.endsWith('/')) {
		throw refuse(ctx, label, `"${raw}" ends with "/", so it names a folder; give the path of a file`, itemIndex);
	}
	return path;
}

/** A folder path with exactly one trailing slash ('' stays the bucket root). */
export function asFolder(path: string): string {
	return path === '' ? '' : `${path.replace(/\/+$/, '')}/`;
}

/**
 * `folder` + the input binary's file name. The name is untrusted (a webhook upload or an e-mail
 * attachment names it), so it must be one plain path segment: a name with "/" or "\\", a "." or
 * ".." (also percent-encoded) or control characters is refused, naming the binary property and
 * the name. Refused rather than cut down to its base name: a silently rewritten destination hides
 * the attempt, and the user can always give the full Destination Path instead.
 */
export function joinInputFileName(
	ctx: IExecuteFunctions,
	folder: string,
	fileName: string | undefined,
	property: string,
	itemIndex: number,
): string {
	const refuse = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `'Input Binary Field' (${property}): ${problem}`, {
			itemIndex,
			description:
				'The file name is appended to a \'Destination Path\' that ends with "/". Give the full path of the file instead, or rename the file before this node.',
		});
	const name = String(fileName ?? '');
	if (!name.trim()) throw refuse('the input file has no file name and \'Destination Path\' ends with "/"');
	const problem = segmentProblem(name);
	const shown = JSON.stringify(name.slice(0, 120));
	if (problem) throw refuse(`the file name ${shown} ${problem}`);
	// The same rules as a typed path, on the result (belt and braces: a name passing the segment check passes this).
	const joined = toBucketPath(`${folder}${name}`);
	if (joined.problem) throw refuse(`the file name ${shown} gives an invalid path: ${joined.problem}`);
	return joined.path as string;
}
