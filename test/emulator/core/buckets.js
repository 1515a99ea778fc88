// @ts-check
/**
 * Project buckets as real folder trees on disk (`<root>/<bucket>/<key>`), so large objects are
 * streamed, never held in memory. Object metadata the file system cannot keep (content type,
 * emulator-clock modification time) lives in a small in-memory map.
 */
import { createReadStream, createWriteStream, promises as fsp, existsSync, rmSync, mkdirSync } from 'node:fs';
import { join, dirname, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { HttpError } from './errors.js';

const TYPES = /** @type {Record<string, string>} */ ({
	'.vcf.gz': 'application/gzip', '.gz': 'application/gzip', '.tbi': 'application/octet-stream', '.vcf': 'text/vcf',
	'.bam': 'application/octet-stream', '.bai': 'application/octet-stream', '.pdf': 'application/pdf', '.html': 'text/html',
	'.tsv': 'text/tab-separated-values', '.csv': 'text/csv', '.json': 'application/json', '.txt': 'text/plain',
	'.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.bed': 'text/plain',
});

/** Content type guessed from the key's extension. @param {string} key */
export function guessContentType(key) {
	const k = key.toLowerCase();
	const ext = Object.keys(TYPES).find((e) => k.endsWith(e));
	return ext ? TYPES[ext] : 'application/octet-stream';
}

/**
 * Bucket-relative key: no leading slash, no `..`, no empty or `.` segments. A trailing `/`
 * (folder) is kept when `allowFolder`. Anything else → 400.
 * @param {unknown} path @param {{ allowFolder?: boolean, allowRoot?: boolean }} [opts]
 */
export function normalizeKey(path, { allowFolder = false, allowRoot = false } = {}) {
	let p = String(path ?? '').replace(/^\/+/, '');
	if (p === '') {
		if (allowRoot) return '';
		throw new HttpError(400, 'path is required');
	}
	const folder = p.endsWith('/');
	if (folder) p = p.replace(/\/+$/, '');
	const segs = p.split('/');
	if (segs.some((s) => s === '..' || s === '.' || s === '') || /[\0\\]/.test(p)) {
		throw new HttpError(400, 'Invalid path: it must stay inside the project bucket');
	}
	if (folder && !allowFolder) throw new HttpError(400, 'path must name an object, not a folder');
	return folder ? `${p}/` : p;
}

export class Buckets {
	/** @param {string} root @param {() => number} now */
	constructor(root, now) {
		this.root = root;
		this.tmp = join(root, '.tmp');
		this.now = now;
		/** @type {Map<string, { content_type: string, last_modified: number }>} */
		this.meta = new Map();
		mkdirSync(this.tmp, { recursive: true });
	}

	/** @param {string} bucket @param {string} [key] */
	abs(bucket, key = '') {
		const b = String(bucket).replace(/^(gs|s3):\/\//, '').replace(/\/.*$/, '');
		const p = join(this.root, 'buckets', b, ...key.split('/').filter(Boolean));
		if (!p.startsWith(join(this.root, 'buckets', b))) throw new HttpError(400, 'Invalid path');
		return p;
	}

	/** @param {string} bucket @param {string} key */
	metaKey(bucket, key) {
		return `${bucket}\0${key}`;
	}

	/** Object info, or null when there is no object (folders are not objects). @param {string} bucket @param {string} key */
	async stat(bucket, key) {
		if (!key || key.endsWith('/')) return null;
		const st = await fsp.stat(this.abs(bucket, key)).catch(() => null);
		if (!st || !st.isFile()) return null;
		const m = this.meta.get(this.metaKey(bucket, key));
		return {
			key,
			size: st.size,
			content_type: m?.content_type ?? guessContentType(key),
			last_modified: new Date(m?.last_modified ?? st.mtimeMs).toISOString(),
		};
	}

	/** True when at least one object lives under `prefix` (`a/b/`). @param {string} bucket @param {string} prefix */
	async isFolder(bucket, prefix) {
		const st = await fsp.stat(this.abs(bucket, prefix)).catch(() => null);
		return !!st && st.isDirectory() && (await hasObjects(this.abs(bucket, prefix)));
	}

	/**
	 * One level (or everything when recursive) under `prefix` ('' or ending in '/').
	 * @param {string} bucket @param {string} prefix @param {{ recursive?: boolean }} [opts]
	 */
	async list(bucket, prefix, { recursive = false } = {}) {
		if (recursive) {
			const keys = await this.keys(bucket, prefix);
			const files = await Promise.all(keys.map((k) => this.stat(bucket, k)));
			return { folders: [], files: files.filter((f) => f !== null) };
		}
		const dir = this.abs(bucket, prefix);
		const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
		/** @type {string[]} */
		const folders = [];
		/** @type {any[]} */
		const files = [];
		for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			const key = prefix + e.name;
			if (e.isDirectory()) {
				if (await hasObjects(join(dir, e.name))) folders.push(`${key}/`);
			} else {
				const st = await this.stat(bucket, key);
				if (st) files.push(st);
			}
		}
		return { folders, files };
	}

	/** Every object key under `prefix`, sorted. @param {string} bucket @param {string} prefix */
	async keys(bucket, prefix = '') {
		/** @type {string[]} */
		const out = [];
		const walk = async (/** @type {string} */ dir, /** @type {string} */ rel) => {
			const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
			for (const e of entries) {
				if (e.isDirectory()) await walk(join(dir, e.name), `${rel}${e.name}/`);
				else if (e.isFile()) out.push(rel + e.name);
			}
		};
		await walk(this.abs(bucket, prefix), prefix);
		return out.sort();
	}

	/** Refuse keys that would need a file where a folder is, or the reverse. @param {string} bucket @param {string} key */
	async assertWritable(bucket, key) {
		const segs = key.split('/');
		for (let i = 1; i < segs.length; i++) {
			const st = await fsp.stat(this.abs(bucket, segs.slice(0, i).join('/'))).catch(() => null);
			if (st?.isFile()) throw new HttpError(409, `Object path conflicts with existing object ${segs.slice(0, i).join('/')}`);
		}
		const st = await fsp.stat(this.abs(bucket, key)).catch(() => null);
		if (st?.isDirectory()) throw new HttpError(409, `Object path conflicts with existing folder ${key}/`);
	}

	/** Write a small object from memory. @param {string} bucket @param {string} key @param {string | Buffer} data @param {string} [contentType] */
	async write(bucket, key, data, contentType) {
		await this.assertWritable(bucket, key);
		const file = this.abs(bucket, key);
		await fsp.mkdir(dirname(file), { recursive: true });
		await fsp.writeFile(file, data);
		this.touch(bucket, key, contentType);
	}

	/** @param {string} bucket @param {string} key @param {string} [contentType] */
	touch(bucket, key, contentType) {
		this.meta.set(this.metaKey(bucket, key), { content_type: contentType || guessContentType(key), last_modified: this.now() });
	}

	/**
	 * A streaming writer: bytes go to a temp file, `commit()` moves it into place, `abort()`
	 * drops it — a failed upload never leaves half an object.
	 * @param {string} bucket @param {string} key @param {string} contentType
	 */
	async writer(bucket, key, contentType) {
		await this.assertWritable(bucket, key);
		const tmp = join(this.tmp, randomUUID());
		const stream = createWriteStream(tmp);
		return {
			stream,
			commit: async () => {
				const file = this.abs(bucket, key);
				await fsp.mkdir(dirname(file), { recursive: true });
				await fsp.rename(tmp, file);
				this.touch(bucket, key, contentType);
			},
			abort: async () => {
				stream.destroy();
				await fsp.rm(tmp, { force: true });
			},
		};
	}

	/** @param {string} bucket @param {string} key @param {{ start?: number, end?: number }} [range] */
	reader(bucket, key, range) {
		return createReadStream(this.abs(bucket, key), range);
	}

	/** @param {string} bucket @param {string} key */
	async read(bucket, key) {
		return fsp.readFile(this.abs(bucket, key));
	}

	/** @param {string} bucket @param {string} key */
	async remove(bucket, key) {
		await fsp.rm(this.abs(bucket, key), { force: true });
		this.meta.delete(this.metaKey(bucket, key));
		await this.pruneEmptyDirs(bucket, key);
	}

	/** Delete every object under a folder prefix; returns how many. @param {string} bucket @param {string} prefix */
	async removePrefix(bucket, prefix) {
		const keys = await this.keys(bucket, prefix);
		for (const k of keys) this.meta.delete(this.metaKey(bucket, k));
		await fsp.rm(this.abs(bucket, prefix), { recursive: true, force: true });
		await this.pruneEmptyDirs(bucket, prefix.replace(/\/$/, ''));
		return keys.length;
	}

	/** Copy one object (streams through the file system). @param {string} bucket @param {string} src @param {string} dst */
	async copy(bucket, src, dst) {
		await this.assertWritable(bucket, dst);
		const to = this.abs(bucket, dst);
		await fsp.mkdir(dirname(to), { recursive: true });
		await fsp.copyFile(this.abs(bucket, src), to);
		const m = this.meta.get(this.metaKey(bucket, src));
		this.touch(bucket, dst, m?.content_type ?? guessContentType(src));
	}

	/** Folders exist only while they hold objects (as in object stores). @param {string} bucket @param {string} key */
	async pruneEmptyDirs(bucket, key) {
		const base = this.abs(bucket);
		let dir = dirname(this.abs(bucket, key));
		while (dir.startsWith(base + sep)) {
			const left = await fsp.readdir(dir).catch(() => null);
			if (!left || left.length) return;
			await fsp.rmdir(dir).catch(() => {});
			dir = dirname(dir);
		}
	}

	/** Remove every bucket (reset). */
	wipe() {
		if (existsSync(join(this.root, 'buckets'))) rmSync(join(this.root, 'buckets'), { recursive: true, force: true });
		this.meta.clear();
	}
}

/** Whether a folder holds at least one object anywhere below it (stops at the first). @param {string} dir @returns {Promise<boolean>} */
async function hasObjects(dir) {
	const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
	if (entries.some((e) => e.isFile())) return true;
	for (const e of entries) if (e.isDirectory() && (await hasObjects(join(dir, e.name)))) return true;
	return false;
}
