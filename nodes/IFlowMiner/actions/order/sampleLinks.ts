import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ROLE_ALIASES, ROLES } from '../../helpers/enums';
import { enumOptions } from '../../helpers/fieldTable';
import { minerRequest } from '../../helpers/request';
import { toEnum } from '../../helpers/values';
import { createOnce } from '../../../shared/transport/reconcile';
import { sampleLinkKey } from './linkKey';

/** The role a sample has on an order (docs/flow-api.md §5.3), shared by Add Sample and Create › Samples. */
export function roleField(): INodeProperties {
	return {
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: enumOptions(
			ROLES,
			{},
			{
				normal: 'Matched normal of a tumour sample',
				proband: 'The patient the order is about',
				tumour: 'Tumour sample (somatic orders); "tumor" is accepted too',
			},
		),
		default: 'proband',
		description: 'What the sample is on this order (one sample can have different roles on different orders)',
	};
}

/** A role value (legacy "tumor" accepted), or an error naming the field. */
export function readRole(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	return toEnum(ctx, value ?? 'proband', label, ROLES, itemIndex, ROLE_ALIASES);
}

/**
 * Link one sample to an order with the path form the CLI client and the LIS guide use
 * (`POST /orders/{id}/samples/{sample_id}`, docs/flow-api.md §9.3); the role goes in the body.
 */
export async function linkSample(
	ctx: IExecuteFunctions,
	orderId: string,
	sampleId: string,
	role: string,
	itemIndex: number,
): Promise<IDataObject> {
	const send = async () =>
		await minerRequest(ctx, {
			method: 'POST',
			path: `/orders/${orderId}/samples/${sampleId}`,
			body: { role },
			itemIndex,
		});
	// A lost answer is looked up in the order's samples instead of failing the item.
	const link = await createOnce(ctx.getNode(), itemIndex, send, sampleLinkKey(ctx, orderId, sampleId, itemIndex));
	// `role` in the request is INFERRED: a server without it links with a role of its own choosing.
	const linkedAs = link.role === 'tumor' ? 'tumour' : link.role;
	if (typeof linkedAs === 'string' && linkedAs !== role) {
		throw new NodeOperationError(ctx.getNode(), `The sample was put on the order as ${linkedAs}, not as ${role}`, {
			itemIndex,
			description: `This iFlow server does not take the role when a sample is linked (the published iFlow API reference has no role field for it, and no way to change a role later). The sample ${sampleId} is now on order ${orderId}: remove it with Order › Remove Sample, or set the role in the iFlow web app.`,
		});
	}
	// Some API versions answer 204 without a body.
	const item = Object.keys(link).length ? link : { id: sampleId, role };
	return { ...item, order_id: orderId };
}
