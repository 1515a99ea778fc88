import type { IDataObject } from 'n8n-workflow';

import type { EmulatorHandle } from '../../helpers/emulator';

/** An order moved to `status` through the real miner API; its report exists from `review` on. */
export async function orderAt(
	emu: EmulatorHandle,
	displayId: string,
	status: 'created' | 'review' | 'sign_off',
): Promise<{ orderId: string; reportId?: string }> {
	const order = await emu.api('miner', 'POST', '/orders', { body: { display_id: displayId } });
	const steps = { created: [], review: ['analyzing', 'review'], sign_off: ['analyzing', 'review', 'sign_off'] }[status];
	for (const step of steps) {
		await emu.api('miner', 'POST', `/orders/${String(order.id)}/transition`, { body: { status: step } });
	}
	const reports = await emu.api<IDataObject[]>('report', 'GET', '/reports', { query: { order_id: String(order.id) } });
	return { orderId: String(order.id), reportId: reports[0] ? String(reports[0].id) : undefined };
}

/** An order whose report has been signed (the PDF is in the bucket). */
export async function signedOrder(
	emu: EmulatorHandle,
	displayId: string,
): Promise<{ orderId: string; reportId: string }> {
	const { orderId, reportId } = await orderAt(emu, displayId, 'sign_off');
	await emu.api('report', 'POST', `/reports/${String(reportId)}/approve-and-sign`, { body: {} });
	return { orderId, reportId: String(reportId) };
}
