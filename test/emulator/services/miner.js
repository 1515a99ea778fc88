// @ts-check
/**
 * Miner service: subjects, samples, orders (state machine, sample links, samplesheet), labflows.
 * The record logic lives in services/miner/*.js and works on a small `env` built from the core's
 * request context, so report and vcf can reuse it.
 */
import { ensureTables } from './miner/db.js';
import * as subjects from './miner/subjects.js';
import * as samples from './miner/samples.js';
import * as orders from './miner/orders.js';
import { samplesheetRows, labflowState } from './miner/order-views.js';
import { toCsv } from './miner/samplesheet.js';
import { builtinLabflows } from './miner/labflows.js';
import { slugify } from '../core/ids.js';

/**
 * The environment the record modules need, from the core's ctx.
 * @param {any} ctx
 * @returns {import('./miner/common.js').MinerEnv & {writeFile: Function, clock: any}}
 */
export function minerEnv(ctx) {
	return {
		db: ctx.state,
		projectId: ctx.projectId,
		project: ctx.project,
		user: ctx.user,
		role: ctx.role(ctx.projectId),
		now: ctx.now,
		clock: ctx.clock,
		audit: (event) => ctx.audit(event),
		listFiles: (prefix) => ctx.files.keys(ctx.projectId, prefix),
		writeFile: (path, data, contentType) => ctx.files.write(ctx.projectId, path, data, contentType),
	};
}

/** 200 list with X-Total-Count. */
const listed = ({ items, total }) => ({ body: items, headers: { 'X-Total-Count': String(total) } });

/** @type {Record<string, (ctx: any) => any>} */
const handlers = {
	// ------------------------------------------------------------ subjects
	listSubjects: (ctx) => {
		const env = minerEnv(ctx);
		return listed(subjects.listSubjects(env, ctx.query));
	},
	createSubject: (ctx) => {
		const env = minerEnv(ctx);
		return { status: 201, body: subjects.presentSubject(env, subjects.createSubject(env, ctx.body)) };
	},
	getSubject: (ctx) => {
		const env = minerEnv(ctx);
		return { body: subjects.presentSubject(env, subjects.getSubject(env, ctx.params.subject_id)) };
	},
	updateSubject: async (ctx) => {
		const env = minerEnv(ctx);
		return { body: subjects.presentSubject(env, await subjects.updateSubject(env, ctx.params.subject_id, ctx.body)) };
	},
	deleteSubject: (ctx) => {
		subjects.deleteSubject(minerEnv(ctx), ctx.params.subject_id);
		return { status: 204 };
	},

	// ------------------------------------------------------------ samples
	listSamples: (ctx) => listed(samples.listSamples(minerEnv(ctx), ctx.query)),
	createSample: (ctx) => {
		const env = minerEnv(ctx);
		return { status: 201, body: samples.presentSample(env, samples.createSample(env, ctx.body)) };
	},
	getSample: (ctx) => {
		const env = minerEnv(ctx);
		return { body: samples.presentSample(env, samples.getSample(env, ctx.params.sample_id)) };
	},
	updateSample: async (ctx) => {
		const env = minerEnv(ctx);
		return { body: samples.presentSample(env, await samples.updateSample(env, ctx.params.sample_id, ctx.body)) };
	},
	deleteSample: (ctx) => {
		samples.deleteSample(minerEnv(ctx), ctx.params.sample_id);
		return { status: 204 };
	},
	getSampleInfo: async (ctx) => ({ body: await samples.sampleInfo(minerEnv(ctx), ctx.params.sample_id) }),

	// ------------------------------------------------------------ orders
	listOrders: (ctx) => listed(orders.listOrders(minerEnv(ctx), ctx.query)),
	createOrder: (ctx) => {
		const env = minerEnv(ctx);
		return { status: 201, body: orders.presentOrder(env, orders.createOrder(env, ctx.body)) };
	},
	getOrder: (ctx) => {
		const env = minerEnv(ctx);
		return { body: orders.presentOrder(env, orders.getOrder(env, ctx.params.order_id)) };
	},
	updateOrder: async (ctx) => {
		const env = minerEnv(ctx);
		return { body: orders.presentOrder(env, await orders.updateOrder(env, ctx.params.order_id, ctx.body)) };
	},
	deleteOrder: (ctx) => {
		orders.deleteOrder(minerEnv(ctx), ctx.params.order_id);
		return { status: 204 };
	},
	transitionOrder: (ctx) => {
		const env = minerEnv(ctx);
		return { body: orders.presentOrder(env, orders.transitionOrder(env, ctx.params.order_id, ctx.body)) };
	},
	listOrderSamples: (ctx) => {
		const env = minerEnv(ctx);
		return { body: orders.orderSampleItems(env, orders.getOrder(env, ctx.params.order_id)) };
	},
	addOrderSample: (ctx) => ({
		status: 201,
		body: orders.linkSample(minerEnv(ctx), ctx.params.order_id, ctx.body.sample_id, ctx.body.role),
	}),
	addOrderSampleByPath: (ctx) => ({
		status: 201,
		body: orders.linkSample(minerEnv(ctx), ctx.params.order_id, ctx.params.sample_id, ctx.body?.role ?? ctx.query.role),
	}),
	removeOrderSample: (ctx) => {
		orders.unlinkSample(minerEnv(ctx), ctx.params.order_id, ctx.params.sample_id);
		return { status: 204 };
	},
	getOrderSamplesheet: async (ctx) => {
		const env = minerEnv(ctx);
		const rows = await samplesheetRows(env, ctx.params.order_id);
		if (ctx.query.format === 'json') return { body: rows };
		const order = orders.getOrder(env, ctx.params.order_id);
		return {
			body: toCsv(rows),
			contentType: 'text/csv; charset=utf-8',
			headers: { 'Content-Disposition': `attachment; filename="${slugify(order.display_id)}-samplesheet.csv"` },
		};
	},
	getOrderLabflow: (ctx) => ({ body: labflowState(minerEnv(ctx), ctx.params.order_id) }),

	// ------------------------------------------------------------ labflow definitions
	listLabflows: (ctx) => {
		const all = builtinLabflows(ctx.project?.org_id);
		return { body: ctx.query.scope ? all.filter((l) => l.scope === ctx.query.scope) : all };
	},
	getLabflow: (ctx) => {
		const labflow = builtinLabflows(ctx.project?.org_id).find((l) => l.id === ctx.params.labflow_id);
		if (!labflow) ctx.notFound('Labflow');
		return { body: labflow };
	},
};

export default {
	service: 'miner',
	handlers,
	/** Miner, report and vcf tables (a seed may pre-fill them). */
	initState: (state) => ensureTables(state),
	mergeSeed: (state) => ensureTables(state),
};
