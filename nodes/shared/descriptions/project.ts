import type { INodeProperties } from 'n8n-workflow';

const PROJECT: INodeProperties = {
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

/**
 * The Project field (parameter `project`, read by itemProject() in nodes/shared/project.ts).
 * Every project-scoped operation lists it first among its own properties; updateDisplayOptions
 * scopes it like the rest. Empty = the credential's default. `overrides`: this operation's
 * wording, or `required`.
 */
export function projectField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return { ...PROJECT, ...overrides };
}
