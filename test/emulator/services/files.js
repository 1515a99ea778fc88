// @ts-check
/** Files service (docs/flow-api.md §8): bucket listing, signed URLs, copy/move/delete. */

/** @typedef {ReturnType<typeof import('../core/context.js').createContext>} Ctx */

const SIGNED_REPORT = /^orders\/[^/]+\/signed-report\.pdf$/;

/** Python-style `isoformat()` timestamp, as in the reference example (`...03.221000+00:00`). @param {string} iso */
const pyIso = (iso) => iso.replace(/\.(\d{3})Z$/, '.$1000+00:00').replace(/Z$/, '+00:00');

/** Exactly the FileItem keys (the CLI breaks on extra ones). @param {any} st */
const fileItem = (st) => ({
	name: st.key,
	display_name: st.key.split('/').pop(),
	size: st.size,
	last_modified: pyIso(st.last_modified),
	is_folder: false,
	content_type: st.content_type,
});

/** @param {string} prefix ending in '/' */
const folderItem = (prefix) => ({
	name: prefix,
	display_name: prefix.replace(/\/$/, '').split('/').pop(),
	size: null,
	last_modified: null,
	is_folder: true,
	content_type: null,
});

/** @param {Ctx} ctx */
const pid = (ctx) => /** @type {string} */ (ctx.projectId);

/** Source/destination from the body or its aliases (docs/flow-api.md §8.4). @param {Ctx} ctx */
function copyArgs(ctx) {
	const b = ctx.body;
	const src = b.source_path ?? b.src ?? b.source;
	const dst = b.destination_path ?? b.dst ?? b.destination;
	/** @type {any[]} */
	const missing = [];
	if (src === undefined) missing.push({ type: 'missing', loc: ['body', 'source_path'], msg: 'Field required', input: b });
	if (dst === undefined) missing.push({ type: 'missing', loc: ['body', 'destination_path'], msg: 'Field required', input: b });
	if (missing.length) ctx.error(422, missing);
	const source = ctx.normalizeKey(src, { allowFolder: true });
	const destination = ctx.normalizeKey(dst, { allowFolder: true });
	if (source === destination) ctx.error(400, 'source_path and destination_path are the same');
	return { source, destination, overwrite: b.overwrite === true };
}

/**
 * Copy one object or a whole prefix; returns the (source, target) pairs it handled.
 * @param {Ctx} ctx @param {{source: string, destination: string, overwrite: boolean}} a
 */
async function copyAll(ctx, { source, destination, overwrite }) {
	/** @type {[string, string][]} */
	let pairs;
	const folderish = source.endsWith('/') || (!(await ctx.files.stat(pid(ctx), source)) && (await ctx.files.isFolder(pid(ctx), `${source}/`)));
	if (folderish) {
		const prefix = source.endsWith('/') ? source : `${source}/`;
		const dstPrefix = destination.endsWith('/') ? destination : `${destination}/`;
		if (dstPrefix.startsWith(prefix)) ctx.error(400, 'destination_path must not be inside source_path');
		const keys = await ctx.files.keys(pid(ctx), prefix);
		if (!keys.length) ctx.notFound('Source');
		pairs = keys.map((k) => [k, dstPrefix + k.slice(prefix.length)]);
	} else {
		if (!(await ctx.files.stat(pid(ctx), source))) ctx.notFound('Source');
		const target = destination.endsWith('/') ? destination + source.split('/').pop() : destination;
		if (target === source) ctx.error(400, 'source_path and destination_path are the same');
		pairs = [[source, target]];
	}
	if (pairs.some(([, t]) => SIGNED_REPORT.test(t))) ctx.error(403, 'Signed reports are immutable');
	if (!overwrite) {
		for (const [, t] of pairs) if (await ctx.files.stat(pid(ctx), t)) ctx.error(409, `Destination ${t} already exists (set overwrite to replace it)`);
	}
	for (const [s, t] of pairs) await ctx.files.copy(pid(ctx), s, t);
	return pairs;
}

export default {
	service: 'files',
	handlers: {
		/** @param {Ctx} ctx */
		async listFiles(ctx) {
			const path = ctx.normalizeKey(ctx.query.path ?? '', { allowFolder: true, allowRoot: true });
			const prefix = path === '' || path.endsWith('/') ? path : `${path}/`;
			const { folders, files } = await ctx.files.list(pid(ctx), prefix, { recursive: ctx.query.recursive === true });
			const all = [...folders.map(folderItem), ...files.map(fileItem)];
			const page = ctx.page(all);
			return {
				body: {
					bucket_name: ctx.files.bucketOf(pid(ctx)),
					path: prefix,
					folders: page.filter((e) => e.is_folder),
					files: page.filter((e) => !e.is_folder),
				},
			};
		},
		/** @param {Ctx} ctx */
		async getFileMetadata(ctx) {
			const path = ctx.normalizeKey(ctx.query.path, { allowFolder: true });
			if (!path.endsWith('/')) {
				const st = await ctx.files.stat(pid(ctx), path);
				if (st) return { body: fileItem(st) };
			}
			const prefix = path.endsWith('/') ? path : `${path}/`;
			if (await ctx.files.isFolder(pid(ctx), prefix)) return { body: folderItem(prefix) };
			return ctx.notFound('File');
		},
		/** @param {Ctx} ctx */
		async getDownloadUrl(ctx) {
			const key = ctx.normalizeKey(ctx.query.path);
			if (!(await ctx.files.stat(pid(ctx), key))) ctx.notFound('File');
			return { body: ctx.files.signedUrl(pid(ctx), key, { method: 'GET' }) };
		},
		/** @param {Ctx} ctx */
		async getUploadUrl(ctx) {
			const key = ctx.normalizeKey(ctx.body.path);
			if (SIGNED_REPORT.test(key)) ctx.error(403, 'Signed reports are immutable');
			await ctx.emu.buckets.assertWritable(ctx.files.bucketOf(pid(ctx)), key);
			ctx.noAudit(); // the upload itself (signed PUT) is audited as file.upload
			return { body: ctx.files.signedUrl(pid(ctx), key, { method: 'PUT', contentType: ctx.body.content_type ?? 'application/octet-stream' }) };
		},
		/** @param {Ctx} ctx */
		async copyFiles(ctx) {
			const a = copyArgs(ctx);
			const pairs = await copyAll(ctx, a);
			ctx.audit({ action: 'file.copy', entity_type: 'file', entity_id: a.source, changes: { destination_path: a.destination, objects: pairs.length } });
			return { body: { source_path: a.source, destination_path: a.destination, objects: pairs.length } };
		},
		/** @param {Ctx} ctx */
		async moveFiles(ctx) {
			const a = copyArgs(ctx);
			const srcKeys = a.source.endsWith('/') ? [] : [a.source];
			if (srcKeys.some((k) => SIGNED_REPORT.test(k))) ctx.error(403, 'Signed reports are immutable');
			if (a.source.endsWith('/')) {
				const keys = await ctx.files.keys(pid(ctx), a.source);
				if (keys.some((k) => SIGNED_REPORT.test(k))) ctx.error(403, 'Signed reports are immutable');
			}
			const pairs = await copyAll(ctx, a);
			for (const [s] of pairs) await ctx.files.remove(pid(ctx), s);
			ctx.audit({ action: 'file.move', entity_type: 'file', entity_id: a.source, changes: { destination_path: a.destination, objects: pairs.length } });
			return { body: { source_path: a.source, destination_path: a.destination, objects: pairs.length } };
		},
		/** @param {Ctx} ctx */
		async deleteFiles(ctx) {
			const path = ctx.normalizeKey(ctx.query.path, { allowFolder: true });
			if (SIGNED_REPORT.test(path)) ctx.error(403, 'Signed reports are immutable');
			const object = path.endsWith('/') ? null : await ctx.files.stat(pid(ctx), path);
			if (object) {
				await ctx.files.remove(pid(ctx), path);
				ctx.audit({ action: 'file.delete', entity_type: 'file', entity_id: path, changes: { objects: 1 } });
				return { status: 204 };
			}
			const prefix = path.endsWith('/') ? path : `${path}/`;
			const keys = await ctx.files.keys(pid(ctx), prefix);
			if (!keys.length) ctx.notFound('File');
			if (ctx.query.recursive !== true) ctx.error(409, `${prefix} is a folder; pass recursive=true to delete it with its contents`);
			if (keys.some((k) => SIGNED_REPORT.test(k))) ctx.error(403, 'Folder contains a signed report, which is immutable');
			const n = await ctx.files.removePrefix(pid(ctx), prefix);
			ctx.audit({ action: 'file.delete', entity_type: 'file', entity_id: prefix, changes: { objects: n, recursive: true } });
			return { status: 204 };
		},
	},
};
