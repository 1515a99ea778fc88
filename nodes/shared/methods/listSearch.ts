import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { flowRequest, listItems } from '../transport';

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

/** Projects the token can access (admin service), for every node's Project field. */
export async function searchProjects(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const projects = listItems(await flowRequest.call(this, { service: 'admin', method: 'GET', path: '/projects' }));
	return {
		results: projects
			.filter((project) => matchesFilter(project, ['name', 'slug', 'id', 'org_name'], filter))
			.map((project) => ({
				name: project.org_name
					? `${String(project.name)} (${String(project.org_name)})`
					: String(project.name ?? project.id),
				value: String(project.id),
			})),
	};
}
