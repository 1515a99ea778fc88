// @ts-check
/**
 * Per-service `/openapi.json` (its slice of the active profile's spec) and minimal `/docs` /
 * `/redoc` pages. Parameters are written out in place (no `$ref`), as FastAPI does, so a client
 * can look a parameter up by name.
 */
import { resolveRef, METHODS } from './spec.js';

/** @param {import('./emulator.js').Emulator} emu @param {string} service */
export function serviceOpenApi(emu, service) {
	const doc = emu.doc;
	const inline = (/** @type {any[] | undefined} */ params) => params?.map((p) => resolveRef(doc, p));
	/** @type {Record<string, any>} */
	const paths = {};
	for (const op of emu.operations) {
		if (op.service !== service && op.service !== '*') continue;
		const full = op.service === '*' ? op.specPath : op.fullPath;
		const item = (paths[full] ??= {});
		const { servers: _s, ...rest } = doc.paths[op.specPath];
		for (const [k, v] of Object.entries(rest)) if (!METHODS.includes(k)) item[k] = k === 'parameters' ? inline(v) : v;
		item[op.method.toLowerCase()] = op.operation.parameters ? { ...op.operation, parameters: inline(op.operation.parameters) } : op.operation;
	}
	const components = pruneComponents(doc.components, paths);
	return {
		openapi: doc.openapi,
		info: { ...doc.info, title: `Flow ${service} service (emulated)` },
		servers: [{ url: `${emu.url}/${service}` }],
		security: doc.security,
		tags: (doc.tags ?? []).filter((/** @type {any} */ t) => t.name === service || t.name === 'meta'),
		paths,
		components,
	};
}

/** Keep only the components reachable from the service's paths. @param {any} components @param {any} paths */
function pruneComponents(components, paths) {
	/** @type {Record<string, Record<string, any>>} */
	const out = { securitySchemes: components.securitySchemes };
	const seen = new Set();
	/** @param {any} node */
	const walk = (node) => {
		if (Array.isArray(node)) return node.forEach(walk);
		if (!node || typeof node !== 'object') return;
		for (const [k, v] of Object.entries(node)) {
			if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/') && !seen.has(v)) {
				seen.add(v);
				const [, , section, name] = v.split('/');
				const target = components[section]?.[name];
				if (target) {
					(out[section] ??= {})[name] = target;
					walk(target);
				}
			} else walk(v);
		}
	};
	walk(paths);
	return out;
}

/** @param {import('./emulator.js').Emulator} emu @param {string} service @param {boolean} redoc */
export function docsHtml(emu, service, redoc) {
	const ops = emu.operations.filter((o) => o.service === service);
	const rows = ops
		.map((o) => `<tr><td>${o.method}</td><td><code>${esc(o.fullPath)}</code></td><td>${esc(o.operationId)}</td><td>${esc(o.operation.summary ?? '')}${o.operation['x-inferred'] ? ' <em>(inferred)</em>' : ''}</td></tr>`)
		.join('\n');
	return `<!doctype html><html><head><meta charset="utf-8"><title>Flow ${service} — ${redoc ? 'ReDoc' : 'Swagger UI'} (emulator)</title></head>
<body><h1>Flow ${service} service (emulator)</h1><p>Schema: <a href="openapi.json">openapi.json</a></p>
<table border="1" cellpadding="4"><tr><th>Method</th><th>Path</th><th>operationId</th><th>Summary</th></tr>
${rows}</table></body></html>`;
}

/** @param {string} s */
function esc(s) {
	return String(s).replace(/[&<>"]/g, (c) => /** @type {Record<string,string>} */ ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}
