import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { itemProject } from '../project';
import { flowRequest, flowRequestAll, listItems } from '../transport';
import type { FlowRequestBase, ProjectScope } from '../transport';

/** Case-insensitive match of a search filter against any of the given fields. */
export function matchesFilter(record: IDataObject, fields: string[], filter?: string): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return fields.some((field) =>
		String(record[field] ?? '')
			.toLowerCase()
			.includes(needle),
	);
}

const SEARCH_LIMIT = 100;

/** List one page of a Flow collection and shape it for a resource locator's "From list". */
async function search(
	ctx: ILoadOptionsFunctions,
	request: Omit<FlowRequestBase, 'method'> & ProjectScope,
	label: (record: IDataObject) => string,
	filterFields: string[],
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await flowRequest.call(ctx, { ...request, method: 'GET' });
	return {
		results: listItems(body)
			.filter((record) => matchesFilter(record, filterFields, filter))
			.map((record) => ({ name: label(record), value: String(record.id) })),
	};
}

const displayName = (record: IDataObject) => String(record.display_id ?? record.name ?? record.id);

/**
 * Up to SEARCH_LIMIT miner records matching the typed text. `search` is sent when the server
 * lists it (the reference marks it INFERRED for subjects and samples); otherwise the text is
 * matched here over a list read large enough, not just over its first page.
 */
async function searchMiner(
	ctx: ILoadOptionsFunctions,
	path: string,
	label: (record: IDataObject) => string,
	filterFields: string[],
	filter?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim() || undefined;
	const records = await flowRequestAll.call(ctx, {
		service: 'miner',
		path,
		project: 'required',
		projectId: itemProject(ctx),
		returnAll: false,
		limit: SEARCH_LIMIT,
		matchers: { search: { value: text, matches: (record) => matchesFilter(record, filterFields, text) } },
	});
	return {
		results: records
			.filter((record) => matchesFilter(record, filterFields, text))
			.map((record) => ({ name: label(record), value: String(record.id) })),
	};
}

/** Projects the token can access (admin service), for every node's Project field. */
export async function searchProjects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await search(
		this,
		{ service: 'admin', path: '/projects' },
		(p) => (p.org_name ? `${String(p.name)} (${String(p.org_name)})` : String(p.name ?? p.id)),
		['name', 'slug', 'id', 'org_name'],
		filter,
	);
}

/** Orders of the selected project, searched by display id. */
export async function searchOrders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchMiner(
		this,
		'/orders',
		(o) => `${displayName(o)} · ${String(o.status ?? '')}`,
		['display_id', 'name', 'id', 'external_id'],
		filter,
	);
}

export async function searchSubjects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchMiner(this, '/subjects', displayName, ['display_id', 'name', 'id', 'external_id'], filter);
}

export async function searchSamples(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchMiner(
		this,
		'/samples',
		displayName,
		['display_id', 'name', 'id', 'external_id', 'barcode'],
		filter,
	);
}

/** Active pipelines; the value is the slug (Submit resolves it to the version's id). */
export async function searchPipelines(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = await flowRequest.call(this, { service: 'compute', method: 'GET', path: '/pipelines' });
	const bySlug = new Map<string, IDataObject>();
	for (const pipeline of listItems(body)) {
		if (matchesFilter(pipeline, ['name', 'slug', 'description'], filter)) bySlug.set(String(pipeline.slug), pipeline);
	}
	return {
		results: [...bySlug.values()].map((p) => ({
			name: `${String(p.name ?? p.slug)} (${String(p.slug)})`,
			value: String(p.slug),
		})),
	};
}
