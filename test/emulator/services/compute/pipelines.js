// @ts-check
/** Pipeline catalogue (docs/flow-api.md §7.1–7.6): views, visibility, semver ordering. */

const FIELDS = ['id', 'name', 'slug', 'version', 'description', 'source_type', 'source_url', 'default_profile', 'default_container_image',
	'execution_mode', 'scope', 'org_id', 'project_id', 'is_active', 'tags', 'properties', 'created_at', 'updated_at', 'created_by'];

/** The API view (drops the emulator-only `meta`). @param {any} p */
export function pipelineView(p) {
	return Object.fromEntries(FIELDS.map((f) => [f, p[f] ?? (f === 'tags' ? [] : f === 'properties' ? {} : null)]));
}

/** Global pipelines for everyone; org/project-scoped ones for members. @param {any} ctx @param {any} p */
export function canSee(ctx, p) {
	if (p.scope === 'org') return !!ctx.user.org_roles?.[p.org_id] || ctx.isOrgAdmin(p.org_id);
	if (p.scope === 'project') return !!ctx.role(p.project_id);
	return true;
}

/** Semantic-version comparison; pre-releases sort before their release. @param {string} a @param {string} b */
export function compareSemver(a, b) {
	const parse = (/** @type {string} */ v) => {
		const [core, pre = ''] = String(v).replace(/^v/, '').split('-', 2);
		return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
	};
	const x = parse(a);
	const y = parse(b);
	for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
		const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
		if (d) return d;
	}
	if (x.pre === y.pre) return 0;
	if (!x.pre) return 1;
	if (!y.pre) return -1;
	return x.pre < y.pre ? -1 : 1;
}

/** Newest version first. @param {any[]} list */
export const newestFirst = (list) => [...list].sort((a, b) => compareSemver(b.version, a.version));

/** Outputs a pipeline declares (seed `meta.outputs`, or a generic set for registered pipelines). @param {any} p */
export function declaredOutputs(p) {
	if (Array.isArray(p.meta?.outputs)) return p.meta.outputs;
	return [
		{ name: 'vcf', display_name: 'VCF', type: 'File', file: 'output.vcf.gz', description: null },
		{ name: 'report', display_name: 'Report', type: 'File', file: 'report.html', description: null },
	];
}
