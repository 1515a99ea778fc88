import type { INodeProperties } from 'n8n-workflow';

import * as getDefaultContext from './getDefaultContext.operation';
import * as setDefaultContext from './setDefaultContext.operation';

export const operations = { getDefaultContext, setDefaultContext };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get Default Context',
				value: 'getDefaultContext',
				action: 'Get the default project of the user',
				description: 'The organization and project your account uses by default',
			},
			{
				name: 'Set Default Context',
				value: 'setDefaultContext',
				action: 'Set the default project of the user',
				description: 'Make a project your default (as the CLI and web app see it)',
			},
		],
		default: 'getDefaultContext',
	},
	...getDefaultContext.description,
	...setDefaultContext.description,
];
