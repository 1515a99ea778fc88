import type { IDataObject } from 'n8n-workflow';

import { IFlowReport } from '../../../nodes/IFlowReport/IFlowReport.node';
import { TOKENS, type EmulatorHandle } from '../../helpers/emulator';
import { fullOnly } from '../profile';
import { nodeRunner } from '../../helpers/suite';

export { useEmulatorHandle } from '../../helpers/suite';

export const node = new IFlowReport();
export const run = nodeRunner(node);
// report/report/documented.test.ts covers the report operations on a server without it.
export const reportApi = fullOnly('the report JSON API, not in the reference');

// Set-up through documented routes and the emulator's control API only (the JSON report API is
// ours, INFERRED), so the same fixtures serve both emulator profiles.

/** The id of the report of an order, read from the emulator's state (undefined before review). */
async function reportOf(emu: EmulatorHandle, orderId: string): Promise<string | undefined> {
	const state = await emu.control<{ reports: IDataObject[] }>('GET', '/state');
	const report = state.reports.find((r) => r.order_id === orderId);
	return report ? String(report.id) : undefined;
}

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
	return { orderId: String(order.id), reportId: await reportOf(emu, String(order.id)) };
}

/** An order whose report has been signed through the documented sign-off route (the PDF is in the bucket). */
export async function signedOrder(
	emu: EmulatorHandle,
	displayId: string,
): Promise<{ orderId: string; reportId: string }> {
	const { orderId, reportId } = await orderAt(emu, displayId, 'sign_off');
	const response = await fetch(`${emu.url}/report/${String(reportId)}/signoff/commit`, {
		method: 'POST',
		headers: { authorization: `Bearer ${TOKENS.admin}` },
	});
	if (!response.ok) throw new Error(`sign-off of order ${displayId}: ${response.status} ${await response.text()}`);
	return { orderId, reportId: String(reportId) };
}
