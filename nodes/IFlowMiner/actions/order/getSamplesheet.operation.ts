import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { itemProject } from '../../../shared/project';
import { slugify } from '../../../shared/helpers';
import { flowRequestFull } from '../../../shared/transport';
import { csvRecords } from '../../helpers/csv';
import { displayIdOf } from '../../helpers/views';
import { ORDER, recordId } from '../records';
import { kindLocator, operationFields } from '../recordOperations';
import { minerRequest } from '../../helpers/request';

export const description: INodeProperties[] = operationFields(ORDER, 'getSamplesheet', [
	kindLocator(ORDER),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the output binary field to put the CSV file in',
	},
	{
		displayName: 'Also Output Rows',
		name: 'outputRows',
		type: 'boolean',
		default: false,
		description:
			'Whether to also output one item per samplesheet row (patient, sex, status, sample, lane, fastq_1, fastq_2) after the file item',
	},
]);

/** `attachment; filename="ord-1-samplesheet.csv"` → the file name. */
function fileNameFrom(disposition: unknown): string | undefined {
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(String(disposition ?? ''));
	return match ? decodeURIComponent(match[1]).trim() || undefined : undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = recordId(this, ORDER, itemIndex);
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim() || 'data';
	const outputRows = this.getNodeParameter('outputRows', itemIndex, false) as boolean;
	const response = await flowRequestFull.call(this, {
		service: 'miner',
		method: 'GET',
		path: `/orders/${id}/samplesheet`,
		headers: { Accept: 'text/csv' },
		json: false,
		project: 'required',
		projectId: itemProject(this, itemIndex),
		itemIndex,
	});
	const body = response.body as unknown;
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '');

	let fileName = fileNameFrom(response.headers['content-disposition']);
	if (!fileName) {
		// The API did not name the file: name it after the order's display ID.
		const order = await minerRequest(this, {
			method: 'GET',
			path: `/orders/${id}`,
			itemIndex,
		});
		fileName = `${slugify(displayIdOf(order) ?? id)}-samplesheet.csv`;
	}

	const rows = csvRecords(text);
	const binary = await this.helpers.prepareBinaryData(Buffer.from(text, 'utf8'), fileName, 'text/csv');
	const fileItem: INodeExecutionData = {
		json: { order_id: id, file_name: fileName, rows: rows.length },
		binary: { [property]: binary },
	};
	if (!outputRows) return [fileItem];
	return [fileItem, ...rows.map((row) => ({ json: { order_id: id, ...row } }))];
}
