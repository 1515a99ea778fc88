import type { INodeProperties } from 'n8n-workflow';

import * as approveAndSign from './approveAndSign.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getSignedReport from './getSignedReport.operation';
import * as getStatus from './getStatus.operation';

export const operations = { approveAndSign, get, getMany, getSignedReport, getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Approve and Sign',
				value: 'approveAndSign',
				action: 'Approve and sign a report',
				description: 'Sign the report and complete its order (project admins only; cannot be undone)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a report',
				description: 'Get one report record',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many reports',
				description: 'List the reports of the project',
			},
			{
				name: 'Get Signed Report',
				value: 'getSignedReport',
				action: 'Get the signed report PDF of an order',
				description: 'Download the signed PDF of an order as a binary file',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the status of a report',
				description: 'Whether the report can be signed, is signed, and where its PDF is',
			},
		],
		default: 'getSignedReport',
	},
	...approveAndSign.description,
	...get.description,
	...getMany.description,
	...getSignedReport.description,
	...getStatus.description,
];
