import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkId } from '../../../shared/helpers';
import { toNodeError } from '../../../shared/router';
import { displayIdOf } from '../../helpers/views';
import { additionalFields, createBody, displayIdField, kindLocator, operationFields } from '../recordOperations';
import type { CreateForm } from '../recordOperations';
import { createRecord, ORDER, SAMPLE } from '../records';
import { ORDER_FIELDS } from './fields';
import { linkSample, readRole, roleField } from './sampleLinks';

const ORDER_FORM: CreateForm = {
	kind: ORDER,
	table: ORDER_FIELDS,
	required: [displayIdField('ORD-2026-0001', 'Human-readable order ID, unique in the project')],
};

export const description: INodeProperties[] = operationFields(ORDER, 'create', [
	...ORDER_FORM.required,
	{
		displayName: 'Samples',
		name: 'samples',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Sample',
		default: {},
		description:
			'Samples to put on the new order, each with its role (e.g. proband, mother, father for a trio). They are linked one by one right after the order is created.',
		options: [
			{
				name: 'sample',
				displayName: 'Sample',
				values: [kindLocator(SAMPLE, 'A sample to put on the order'), roleField()],
			},
		],
	},
	additionalFields(ORDER_FIELDS),
]);

interface SampleLink {
	sampleId: string;
	role: string;
}

/** Every entry of Samples, checked before any request (ID, role, no sample twice). */
function readSampleLinks(ctx: IExecuteFunctions, itemIndex: number): SampleLink[] {
	const entries = ctx.getNodeParameter('samples.sample', itemIndex, []) as IDataObject[];
	const links = entries.map((entry, n) => ({
		sampleId: checkId(ctx, entry.sampleId, `Samples › Sample ${n + 1}`, itemIndex),
		role: readRole(ctx, entry.role, `Samples › Sample ${n + 1} › Role`, itemIndex),
	}));
	const seen = new Set<string>();
	for (const { sampleId } of links) {
		const key = sampleId.toLowerCase();
		if (seen.has(key)) {
			throw new NodeOperationError(ctx.getNode(), `'Samples' lists sample ${sampleId} twice`, {
				itemIndex,
				description: 'A sample can be on an order once, with one role.',
			});
		}
		seen.add(key);
	}
	return links;
}

const described = (link: IDataObject) => `${String(link.display_id ?? link.sample_id)} (${String(link.role)})`;

/**
 * A link failed after the order was created: say which order exists and which samples are on it,
 * so a person can finish by hand. Under Continue On Fail the same facts land in the error item.
 */
function partlyLinkedError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	order: IDataObject,
	linked: IDataObject[],
	notLinked: SampleLink[],
) {
	const nodeError = toNodeError(ctx, error, itemIndex);
	const cause = nodeError.description;
	const name = displayIdOf(order) ?? String(order.id);
	nodeError.message = `Order ${name} was created (ID ${String(order.id)}), but sample ${notLinked[0].sampleId} could not be linked: ${nodeError.message}`;
	nodeError.description = [
		linked.length ? `Linked: ${linked.map(described).join(', ')}.` : 'No sample was linked.',
		`Not linked: ${notLinked.map((link) => `${link.sampleId} (${link.role})`).join(', ')}.`,
		`Finish with Order › Add Sample on order ${name}, or delete the order before running this again (its display ID is now taken).`,
		cause ? `iFlow said: ${cause}` : '',
	]
		.filter(Boolean)
		.join(' ');
	nodeError.context.partial = {
		order_id: order.id,
		order_display_id: name,
		linked_samples: linked,
		not_linked_samples: notLinked.map((link) => ({ sample_id: link.sampleId, role: link.role })),
	};
	return nodeError;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = createBody(this, itemIndex, ORDER_FORM);
	const displayId = String(body.display_id);
	const links = readSampleLinks(this, itemIndex);
	const order = await createRecord(this, ORDER, itemIndex, body);
	if (!links.length) return order;

	if (order.id === undefined || order.id === null || order.id === '') {
		throw new NodeOperationError(
			this.getNode(),
			`Order ${displayId} was created, but iFlow sent back no ID, so no sample was linked`,
			{
				itemIndex,
				description: 'Look the order up with Order › Get Many and add the samples with Order › Add Sample.',
			},
		);
	}
	const orderId = String(order.id);
	const linked: IDataObject[] = [];
	for (const [n, { sampleId, role }] of links.entries()) {
		try {
			const link = await linkSample(this, orderId, sampleId, role, itemIndex);
			linked.push({ sample_id: sampleId, display_id: displayIdOf(link) ?? null, role: String(link.role ?? role) });
		} catch (error) {
			throw partlyLinkedError(this, error, itemIndex, order, linked, links.slice(n));
		}
	}
	return { ...order, samples: linked };
}
