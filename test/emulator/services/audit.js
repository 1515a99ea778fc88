// @ts-check
/** Audit service: the x-inferred event feed `GET /api/v1/events` over every service's events. */

/** @typedef {ReturnType<typeof import('../core/context.js').createContext>} Ctx */

export default {
	service: 'audit',
	handlers: {
		/** @param {Ctx} ctx */
		listAuditEvents(ctx) {
			const q = ctx.query;
			if (q.project_id && ctx.projectId && q.project_id !== ctx.projectId) ctx.error(400, 'project_id query parameter and X-Project-ID header differ');
			const project = ctx.projectId ?? q.project_id ?? null;
			if (project && !ctx.role(project)) ctx.error(403, 'You do not have access to this project');
			let list = ctx.state.audit_events.filter((/** @type {any} */ e) =>
				e.project_id ? !!ctx.role(e.project_id) : e.actor_id === ctx.user.id || ctx.isOrgAdmin(),
			);
			if (project) list = list.filter((/** @type {any} */ e) => e.project_id === project);
			if (q.entity_type) list = list.filter((/** @type {any} */ e) => e.entity_type === q.entity_type);
			if (q.entity_id) list = list.filter((/** @type {any} */ e) => e.entity_id === q.entity_id);
			if (q.user_id) list = list.filter((/** @type {any} */ e) => e.actor_id === q.user_id);
			if (q.actor) list = list.filter((/** @type {any} */ e) => e.actor_id === q.actor || e.actor_email === q.actor);
			if (q.action) list = list.filter((/** @type {any} */ e) => e.action === q.action);
			const t = (/** @type {string} */ s) => Date.parse(s);
			if (q.from) list = list.filter((/** @type {any} */ e) => t(e.occurred_at) >= t(q.from));
			if (q.to) list = list.filter((/** @type {any} */ e) => t(e.occurred_at) <= t(q.to));
			if (q.since) list = list.filter((/** @type {any} */ e) => t(e.occurred_at) > t(q.since));
			list = [...list].sort((a, b) => t(a.occurred_at) - t(b.occurred_at));
			if (q.order !== 'asc') list.reverse();
			return { body: ctx.page(list) };
		},
	},
};
