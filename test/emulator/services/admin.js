// @ts-check
/** Admin service (docs/flow-api.md §6): organizations, projects, storage credentials, default context. */
import { isOrgAdmin } from '../core/access.js';

/** @typedef {ReturnType<typeof import('../core/context.js').createContext>} Ctx */

/** Public view of a project for one caller (no credential data). @param {any} state @param {any} p @param {any} user */
function projectView(state, p, user) {
	const org = state.orgs.find((/** @type {any} */ o) => o.id === p.org_id);
	return {
		id: p.id,
		name: p.name,
		slug: p.slug,
		org_id: p.org_id,
		org_name: org?.name ?? null,
		bucket_name: p.bucket_name ?? null,
		description: p.description ?? null,
		role: user.project_roles?.[p.id] ?? null,
		storage_backend: p.storage_backend ?? null,
		created_at: p.created_at ?? null,
	};
}

/** Projects the caller has a role in. @param {Ctx} ctx */
const visibleProjects = (ctx) => ctx.state.projects.filter((/** @type {any} */ p) => ctx.role(p.id));

/** By id, or by slug (the CLI matches slugs client-side; docs/flow-api.md §6.3). @param {Ctx} ctx @param {string} idOrSlug */
function findProject(ctx, idOrSlug) {
	const p = visibleProjects(ctx).find((/** @type {any} */ x) => x.id === idOrSlug || x.slug === idOrSlug);
	if (!p) ctx.notFound('Project');
	return p;
}

/** @param {Ctx} ctx @param {string | null} projectId */
function contextView(ctx, projectId) {
	const p = projectId ? ctx.state.projects.find((/** @type {any} */ x) => x.id === projectId) : null;
	const org = p ? ctx.state.orgs.find((/** @type {any} */ o) => o.id === p.org_id) : null;
	return {
		org_id: org?.id ?? null,
		org_name: org?.name ?? null,
		project_id: p?.id ?? null,
		project_name: p?.name ?? null,
		bucket_name: p?.bucket_name ?? null,
	};
}

/** Secret values masked unless asked for by a project admin. @param {Record<string, string>} secrets @param {boolean} reveal */
function secretsView(secrets, reveal) {
	return Object.fromEntries(Object.entries(secrets ?? {}).map(([k, v]) => [k, reveal ? v : '****']));
}

export default {
	service: 'admin',
	/** @param {any} state @param {any} seed */
	initState(state, seed) {
		state.default_contexts = { ...(seed.default_contexts ?? {}) };
	},
	handlers: {
		/** @param {Ctx} ctx */
		listOrganizations(ctx) {
			const orgIds = new Set([...Object.keys(ctx.user.org_roles ?? {}), ...visibleProjects(ctx).map((/** @type {any} */ p) => p.org_id)]);
			const body = ctx.state.orgs
				.filter((/** @type {any} */ o) => orgIds.has(o.id))
				.map((/** @type {any} */ o) => ({
					id: o.id,
					name: o.name,
					slug: o.slug,
					display_name: o.display_name ?? o.name,
					role: ctx.user.org_roles?.[o.id] ?? null,
					created_at: o.created_at ?? null,
				}));
			return { body };
		},
		/** @param {Ctx} ctx */
		listProjects(ctx) {
			let list = visibleProjects(ctx);
			if (ctx.query.org_id) list = list.filter((/** @type {any} */ p) => p.org_id === ctx.query.org_id);
			return { body: list.map((/** @type {any} */ p) => projectView(ctx.state, p, ctx.user)) };
		},
		/** @param {Ctx} ctx */
		getProject(ctx) {
			return { body: projectView(ctx.state, findProject(ctx, ctx.params.project_id), ctx.user) };
		},
		/** @param {Ctx} ctx */
		getProjectCredentials(ctx) {
			const p = findProject(ctx, ctx.params.project_id);
			ctx.requireRole(p.id, 'admin', 'Only project admins may read storage credentials');
			const c = p.storage_credential ?? {};
			const reveal = ctx.query.include_secrets === true;
			return {
				body: {
					project_id: p.id,
					credential_id: c.credential_id ?? null,
					credential_name: c.credential_name ?? null,
					backend: c.backend ?? p.storage_backend ?? 'gcs',
					bucket_name: String(p.bucket_name ?? '').replace(/^(gs|s3):\/\//, ''),
					prefix: c.prefix ?? '',
					region: c.region ?? null,
					secret_included: reveal,
					secrets: secretsView(c.secrets, reveal),
				},
			};
		},
		/** @param {Ctx} ctx */
		getDefaultContext(ctx) {
			const pid = ctx.state.default_contexts[ctx.user.id] ?? null;
			return { body: contextView(ctx, pid && ctx.role(pid) ? pid : null) };
		},
		/** @param {Ctx} ctx */
		setDefaultContext(ctx) {
			const p = visibleProjects(ctx).find((/** @type {any} */ x) => x.id === ctx.body.project_id);
			if (!p) ctx.notFound('Project');
			if (ctx.body.org_id && ctx.body.org_id !== p.org_id) ctx.notFound('Project');
			const before = ctx.state.default_contexts[ctx.user.id] ?? null;
			ctx.state.default_contexts[ctx.user.id] = p.id;
			ctx.audit({ action: 'default_context.update', entity_type: 'user', entity_id: ctx.user.id, project_id: p.id, changes: { project_id: [before, p.id] } });
			return { body: contextView(ctx, p.id) };
		},
	},
};

export { isOrgAdmin };
