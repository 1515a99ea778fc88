import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../../shared/descriptions';
import { requireId } from '../../../shared/helpers';
import { ROLE_ALIASES, ROLES } from '../../helpers/enums';
import { toEnum } from '../../helpers/values';
import { ORDER, recordId } from '../records';
import { orderLocator } from './fields';
import { minerRequest } from '../../helpers/request';
import { createOnce } from '../../../shared/transport/reconcile';
import { sampleLinkKey } from './linkKey';

const show = { resource: ['order'], operation: ['addSample'] };

export const description: INodeProperties[] = [
	orderLocator(show),
	{
		...recordLocator('sampleId', 'Sample', 'searchSamples', 'The sample to put on the order'),
		displayOptions: { show },
	},
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: [
			{ name: 'Father', value: 'father' },
			{ name: 'Mother', value: 'mother' },
			{ name: 'Normal', value: 'normal', description: 'Matched normal of a tumour sample' },
			{ name: 'Other', value: 'other' },
			{ name: 'Proband', value: 'proband', description: 'The patient the order is about' },
			{ name: 'Relative', value: 'relative' },
			{ name: 'Sibling', value: 'sibling' },
			{ name: 'Tumour', value: 'tumour', description: 'Tumour sample (somatic orders); "tumor" is accepted too' },
		],
		default: 'proband',
		description: 'What the sample is on this order (one sample can have different roles on different orders)',
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = recordId(this, ORDER, itemIndex);
	const sampleId = requireId(this, 'sampleId', 'Sample', itemIndex);
	const role = toEnum(
		this,
		this.getNodeParameter('role', itemIndex, 'proband'),
		'Role',
		ROLES,
		itemIndex,
		ROLE_ALIASES,
	);
	const send = async () =>
		await minerRequest(this, {
			method: 'POST',
			path: `/orders/${orderId}/samples`,
			body: { sample_id: sampleId, role },
			itemIndex,
		});
	const link = await createOnce(
		this.getNode(),
		itemIndex,
		send,
		sampleLinkKey(this, orderId, sampleId, role, itemIndex),
	);
	// `role` in the request is INFERRED: a server without it links with a role of its own choosing.
	const linkedAs = link.role === 'tumor' ? 'tumour' : link.role;
	if (typeof linkedAs === 'string' && linkedAs !== role) {
		throw new NodeOperationError(this.getNode(), `The sample was put on the order as ${linkedAs}, not as ${role}`, {
			itemIndex,
			description: `This iFlow server does not take the role when a sample is linked (the published iFlow API reference has no role field for it, and no way to change a role later). The sample ${sampleId} is now on order ${orderId}: remove it with Order › Remove Sample, or set the role in the iFlow web app.`,
		});
	}
	// Some API versions answer 204 without a body.
	const item = Object.keys(link).length ? link : { id: sampleId, role };
	return { ...item, order_id: orderId };
}
