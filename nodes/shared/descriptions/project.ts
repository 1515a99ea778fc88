import type { INodeProperties } from 'n8n-workflow';

/** The Project field every project-scoped operation shows. Empty = the credential's default. */
export const projectLocator: INodeProperties = {
	displayName: 'Project',
	name: 'project',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		"The iFlow project to work in: pick it from the list or paste its ID (a UUID, from iFlow Admin › Project › Get Many). Leave empty to use the credential's Default Project ID.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a project…',
			typeOptions: { searchListMethod: 'searchProjects', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'a3d9e0f4-58c2-4b0a-8d0e-7f1d2c3b4a50',
		},
	],
};
