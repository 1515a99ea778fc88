// Shared set-up for the iFlow Miner engine tests: one emulator per test file, records made
// through the real API (or seeded in bulk), and a short way to run the node.
import type { IDataObject } from 'n8n-workflow';

import { IFlowMiner } from '../../../nodes/IFlowMiner/IFlowMiner.node';
import { expectRequest, nodeRunner } from '../../helpers/suite';
import { PROJECT_A } from '../../helpers/emulator';
import type { EmulatorHandle } from '../../helpers/emulator';

export const node = new IFlowMiner();

export { byId, useEmulator, useEmulatorHandle } from '../../helpers/suite';
export type { RunOptions } from '../../helpers/suite';

export const run = nodeRunner(node);

/** The first miner request with this method; its path must be `path` (one assertion). */
export const expectMinerRequest = async (emu: EmulatorHandle, method: string, path: string) =>
	await expectRequest(emu, { service: 'miner', method }, path);

/** Subject SUB-1 with one sample SAM-1 (`sampleFields` on the sample). */
export async function subjectWithSample(emu: EmulatorHandle, sampleFields: IDataObject = {}) {
	const subject = await createSubject(emu, 'SUB-1');
	const sample = await createSample(emu, String(subject.id), 'SAM-1', sampleFields);
	return { subject, sample };
}

export async function createSubject(emu: EmulatorHandle, displayId: string, extra: IDataObject = {}) {
	return await emu.api<IDataObject>('miner', 'POST', '/subjects', { body: { display_id: displayId, ...extra } });
}

export async function createSample(emu: EmulatorHandle, subjectId: string, displayId: string, extra: IDataObject = {}) {
	return await emu.api<IDataObject>('miner', 'POST', '/samples', {
		body: { subject_id: subjectId, display_id: displayId, ...extra },
	});
}

/**
 * An order made through the API. `samples` ({sample_id, role?}) are linked through the control
 * API: `samples` in the create body and a link's role are guesses a documented server ignores.
 */
export async function createOrder(emu: EmulatorHandle, displayId: string, extra: IDataObject = {}) {
	const { samples, ...fields } = extra;
	const order = await emu.api<IDataObject>('miner', 'POST', '/orders', { body: { display_id: displayId, ...fields } });
	const links = ((samples ?? []) as IDataObject[]).map((link) => ({
		order_id: order.id,
		sample_id: link.sample_id,
		role: link.role ?? 'proband',
		added_at: order.created_at,
	}));
	if (links.length) await emu.control('POST', '/seed', { order_samples: links });
	return order;
}

export async function transition(emu: EmulatorHandle, orderId: string, status: string) {
	return await emu.api<IDataObject>('miner', 'POST', `/orders/${orderId}/transition`, { body: { status } });
}

/** Seed many records at once through the control API (no request log entries). */
export async function seedMany(emu: EmulatorHandle, table: 'subjects' | 'samples' | 'orders', rows: IDataObject[]) {
	await emu.control('POST', '/seed', { [table]: rows });
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A deterministic UUID for seeded rows. */
export const fakeId = (kind: number, n: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;

/** `count` seeded rows of one table (`kind` numbers their ids): the columns every record has around `columns`. */
function seededRows(kind: number, count: number, prefix: string, columns: IDataObject): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		id: fakeId(kind, i + 1),
		project_id: PROJECT_A,
		display_id: `${prefix}-${String(i + 1).padStart(5, '0')}`,
		...columns,
		tags: [],
		properties: {},
		created_at: '2026-01-01T00:00:00Z',
		updated_at: '2026-01-01T00:00:00Z',
		created_by: null,
	}));
}

export function subjectRows(count: number, prefix = 'SUB'): IDataObject[] {
	return seededRows(1, count, prefix, {
		sex: 'unknown',
		date_of_birth: null,
		external_id: null,
		diagnosis: null,
		clinical_notes: null,
	});
}

export function sampleRows(count: number, subjectId: string, prefix = 'SAM'): IDataObject[] {
	return seededRows(2, count, prefix, {
		subject_id: subjectId,
		sample_type: 'germline',
		external_id: null,
		barcode: null,
		tissue: null,
		collection_date: null,
		notes: null,
		status: 'registered',
	});
}

export function orderRows(count: number, prefix = 'ORD'): IDataObject[] {
	return seededRows(3, count, prefix, {
		status: 'created',
		priority: 'medium',
		mode: 'hereditary',
		accession_number: null,
		external_id: null,
		description: null,
		indication: null,
		test_type: null,
		ordering_provider: null,
		ordering_facility: null,
		received_date: null,
		due_date: null,
	});
}

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
