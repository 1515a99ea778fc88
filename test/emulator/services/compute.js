// @ts-check
/** Compute service (docs/flow-api.md §7): pipeline catalogue and pipeline runs. */
import { pipelineView, canSee, newestFirst, compareSemver } from './compute/pipelines.js';
import { scheduleRun, finishRun, dropTimers, TERMINAL, OUTCOMES } from './compute/lifecycle.js';
import { HttpError } from '../core/errors.js';
import { CALLBACK_MODES, callbackMode } from './compute/callback.js';

/** @typedef {ReturnType<typeof import('../core/context.js').createContext>} Ctx */

const RUN_FIELDS = ['id', 'name', 'project_id', 'pipeline_id', 'status', 'order_id', 'container_image', 'profile', 'params', 'job_id', 'output_path',
	'error_message', 'created_at', 'started_at', 'finished_at', 'created_by', 'tags', 'pipeline_slug', 'pipeline_version', 'callback_url', 'updated_at'];

/** Detail view; the `GET /runs` list view omits project_id (confirmed CLI behaviour, docs/flow-api.md §7.7). @param {any} run @param {boolean} [list] */
function runView(run, list = false) {
	const v = Object.fromEntries(RUN_FIELDS.map((f) => [f, run[f] ?? null]));
	v.params = run.params ?? {};
	v.tags = run.tags ?? [];
	if (list) delete v.project_id;
	return v;
}

const newest = (/** @type {any[]} */ runs) => [...runs].sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b._seq - a._seq));

/** A run the caller may see (404 otherwise, also when X-Project-ID names another project). @param {Ctx} ctx */
function findRun(ctx) {
	const run = ctx.state.runs.find((/** @type {any} */ r) => r.id === ctx.params.run_id);
	if (!run) ctx.notFound('Run');
	ctx.checkProject(run.project_id, 'Run');
	return run;
}

/** @param {Ctx} ctx @param {number} okStatus */
async function cancel(ctx, okStatus) {
	const run = findRun(ctx);
	ctx.requireRole(run.project_id, 'editor', 'Viewer role cannot cancel runs');
	if (TERMINAL.has(run.status)) ctx.error(409, `Run is already ${run.status}`);
	await finishRun(ctx.emu, run, 'cancelled', { actor: ctx.user });
	ctx.noAudit(); // finishRun recorded run.cancel with the caller as actor
	return okStatus === 204 ? { status: 204 } : { status: 200, body: runView(run) };
}

/** `<slug>-<yyyymmdd>-<hhmmss>` (reference example). @param {string} slug @param {string} iso */
const runName = (slug, iso) => `${slug}-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;

export default {
	service: 'compute',
	/** @param {any} state @param {any} seed @param {any} emu */
	initState(state, seed, emu) {
		if (emu) dropTimers(emu);
		state.pipelines = structuredClone(seed.pipelines ?? []);
		state.runs = structuredClone(seed.runs ?? []);
		state.callback_deliveries = [];
	},
	handlers: {
		/** @param {Ctx} ctx */
		listPipelines(ctx) {
			let list = ctx.state.pipelines.filter((/** @type {any} */ p) => canSee(ctx, p));
			if (!ctx.query.include_inactive) list = list.filter((/** @type {any} */ p) => p.is_active);
			if (ctx.query.slug) list = list.filter((/** @type {any} */ p) => p.slug === ctx.query.slug);
			list.sort((/** @type {any} */ a, /** @type {any} */ b) => (a.slug === b.slug ? compareSemver(b.version, a.version) : a.slug < b.slug ? -1 : 1));
			return { body: list.map(pipelineView) };
		},
		/** @param {Ctx} ctx */
		createPipeline(ctx) {
			const b = ctx.body;
			if (!ctx.isOrgAdmin(b.org_id ?? undefined)) ctx.error(403, 'Only organization admins may register pipelines');
			const existing = ctx.state.pipelines.find((/** @type {any} */ p) => p.slug === b.slug && p.version === b.version);
			if (existing && !b.force) ctx.error(409, `Pipeline ${b.slug} version ${b.version} already exists (use force to overwrite)`);
			const now = ctx.now();
			const { force: _force, ...fields } = b;
			const record = {
				...(existing ?? { id: ctx.uuid(), created_at: now, created_by: ctx.user.email, is_active: true }),
				...fields,
				description: fields.description ?? null,
				org_id: fields.org_id ?? null,
				project_id: fields.project_id ?? null,
				updated_at: now,
			};
			if (existing) Object.assign(existing, record);
			else ctx.state.pipelines.push(record);
			ctx.audit({ action: existing ? 'pipeline.update' : 'pipeline.create', entity_type: 'pipeline', entity_id: record.id, project_id: record.project_id, changes: fields });
			return { status: existing ? 200 : 201, body: pipelineView(record) };
		},
		/** @param {Ctx} ctx */
		getPipeline(ctx) {
			const p = ctx.state.pipelines.find((/** @type {any} */ x) => x.id === ctx.params.pipeline_id);
			if (!p || !canSee(ctx, p)) ctx.notFound('Pipeline');
			return { body: pipelineView(p) };
		},
		/** @param {Ctx} ctx */
		getPipelineBySlug(ctx) {
			const all = ctx.state.pipelines.filter((/** @type {any} */ p) => p.slug === ctx.params.slug && canSee(ctx, p));
			const p = ctx.query.version ? all.find((/** @type {any} */ x) => x.version === ctx.query.version) : newestFirst(all.filter((/** @type {any} */ x) => x.is_active))[0];
			if (!p) ctx.notFound(ctx.query.version ? `Pipeline ${ctx.params.slug} version ${ctx.query.version}` : `Pipeline ${ctx.params.slug}`);
			return { body: pipelineView(p) };
		},
		/** @param {Ctx} ctx */
		listPipelineVersions(ctx) {
			const all = ctx.state.pipelines.filter((/** @type {any} */ p) => p.slug === ctx.params.slug && canSee(ctx, p));
			return { body: newestFirst(all).map(pipelineView) };
		},

		/** @param {Ctx} ctx */
		listRuns(ctx) {
			let list = ctx.state.runs.filter((/** @type {any} */ r) => r.project_id === ctx.projectId);
			const q = ctx.query;
			if (q.project_id && q.project_id !== ctx.projectId) ctx.error(400, 'project_id query parameter and X-Project-ID header differ');
			if (q.status) list = list.filter((/** @type {any} */ r) => r.status === q.status);
			if (q.order_id) list = list.filter((/** @type {any} */ r) => r.order_id === q.order_id);
			if (q.pipeline_id) list = list.filter((/** @type {any} */ r) => r.pipeline_id === q.pipeline_id);
			return { body: ctx.page(newest(list)).map((r) => runView(r, true)) };
		},
		/** @param {Ctx} ctx */
		submitRun(ctx) {
			const b = ctx.body;
			const pipeline = ctx.state.pipelines.find((/** @type {any} */ p) => p.id === b.pipeline_id && canSee(ctx, p));
			if (!pipeline) ctx.notFound('Pipeline');
			if (!pipeline.is_active) ctx.error(409, `Pipeline ${pipeline.slug} version ${pipeline.version} is not active`);
			const params = b.params ?? {};
			if (params.__emulator_outcome !== undefined && !OUTCOMES.includes(params.__emulator_outcome)) {
				ctx.invalid(['body', 'params', '__emulator_outcome'], "Input should be 'succeeded', 'failed' or 'cancelled'", 'enum', params.__emulator_outcome);
			}
			if (params.__emulator_duration_ms !== undefined && !(Number(params.__emulator_duration_ms) >= 0)) {
				ctx.invalid(['body', 'params', '__emulator_duration_ms'], 'Input should be greater than or equal to 0', 'greater_than_equal', params.__emulator_duration_ms);
			}
			if (b.order_id && Array.isArray(ctx.state.orders)) {
				const order = ctx.state.orders.find((/** @type {any} */ o) => o.id === b.order_id && o.project_id === ctx.projectId);
				if (!order) ctx.notFound('Order');
			}
			const now = ctx.now();
			ctx.state._runSeq = (ctx.state._runSeq ?? 0) + 1;
			const run = {
				id: ctx.uuid(),
				name: runName(pipeline.slug, now),
				project_id: ctx.projectId,
				pipeline_id: pipeline.id,
				status: 'queued',
				order_id: b.order_id ?? null,
				container_image: pipeline.default_container_image ?? null,
				profile: b.profile ?? pipeline.default_profile ?? null,
				params,
				job_id: null,
				output_path: null,
				error_message: null,
				created_at: now,
				started_at: null,
				finished_at: null,
				created_by: ctx.user.email,
				tags: b.tags ?? [],
				pipeline_slug: pipeline.slug,
				pipeline_version: pipeline.version,
				callback_url: b.callback_url ?? null,
				updated_at: now,
				_engine: pipeline.execution_mode,
				_seq: ctx.state._runSeq,
			};
			ctx.state.runs.push(run);
			ctx.audit({ action: 'run.create', entity_type: 'run', entity_id: run.id, changes: { pipeline_id: run.pipeline_id, order_id: run.order_id, tags: run.tags } });
			scheduleRun(ctx.emu, run);
			return { status: 201, body: runView(run) };
		},
		/** @param {Ctx} ctx */
		getRun(ctx) {
			return { body: runView(findRun(ctx)) };
		},
		/** @param {Ctx} ctx */
		cancelRun: (ctx) => cancel(ctx, 204),
		/** @param {Ctx} ctx */
		cancelRunPost: (ctx) => cancel(ctx, 200),
		/** @param {Ctx} ctx */
		listRunsByOrder(ctx) {
			const list = ctx.state.runs.filter(
				(/** @type {any} */ r) => r.order_id === ctx.params.order_id && ctx.role(r.project_id) && (!ctx.projectId || r.project_id === ctx.projectId),
			);
			return { body: newest(list).map((r) => runView(r)) };
		},
		/** @param {Ctx} ctx */
		getRunOutputs(ctx) {
			const run = findRun(ctx);
			if (run._engine !== 'direct_wdl') return { body: { outputs: [], message: 'Semantic outputs are only available for WDL runs' } };
			if (run.status === 'succeeded') return { body: { outputs: run._outputs ?? [], message: null } };
			const message = run.status === 'failed' ? 'Run failed; no outputs' : run.status === 'cancelled' ? 'Run was cancelled; no outputs' : 'Run has not completed';
			return { body: { outputs: [], message } };
		},
	},
	control: {
		/** Decide a run's fate: `{outcome, error_message?, immediate?: true}`; immediate=false only records it. */
		'POST /runs/{id}/outcome': async (/** @type {any} */ { emu, params, body }) => {
			const run = emu.state.runs.find((/** @type {any} */ r) => r.id === params.id);
			if (!run) throw new HttpError(404, 'Run not found');
			if (!OUTCOMES.includes(body?.outcome)) throw new HttpError(400, 'outcome must be succeeded, failed or cancelled');
			if (TERMINAL.has(run.status)) throw new HttpError(409, `Run is already ${run.status}`);
			run._outcome = body.outcome;
			if (body.error_message) run._error_message = body.error_message;
			if (body.immediate !== false) await finishRun(emu, run, body.outcome, { errorMessage: body.error_message });
			return { body: runView(run) };
		},
		'GET /callbacks': (/** @type {any} */ { state }) => ({ body: state.callback_deliveries ?? [] }),
		/** `{mode: 'retry'|'once'}`: `once` sends each callback exactly once, without retries (kept across resets). */
		'GET /callbacks/mode': (/** @type {any} */ { emu }) => ({ body: { mode: callbackMode(emu) } }),
		'POST /callbacks/mode': (/** @type {any} */ { emu, body }) => {
			if (!CALLBACK_MODES.includes(body?.mode)) throw new HttpError(400, 'mode must be retry or once');
			emu.config.callbacks = body.mode;
			return { body: { mode: callbackMode(emu) } };
		},
	},
};
