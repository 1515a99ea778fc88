// @ts-check
/**
 * Signed URLs served by the emulator itself at `/_signed/<bucket>/<key>?X-Flow-...`, shaped
 * like cloud-storage V4 URLs: method, expiry (emulator clock, seconds) and — for uploads —
 * the content type are covered by an HMAC-SHA256 signature. Tampering or expiry → 403.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export class Signer {
	/** @param {() => string} baseUrl @param {() => number} now @param {string} [secret] */
	constructor(baseUrl, now, secret) {
		this.baseUrl = baseUrl;
		this.now = now;
		this.secret = secret ?? randomBytes(32).toString('hex');
	}

	/** @param {string} method @param {string} bucket @param {string} key @param {number} expires @param {string} contentType */
	mac(method, bucket, key, expires, contentType) {
		return createHmac('sha256', this.secret).update([method, bucket, key, expires, contentType].join('\n')).digest('hex');
	}

	/**
	 * @param {{ bucket: string, key: string, method?: 'GET'|'PUT', contentType?: string, expiresIn?: number }} o
	 * @returns {{ url: string, expires_in: number, expires_at: string, method: string, path: string, headers?: Record<string,string> }}
	 */
	sign({ bucket, key, method = 'GET', contentType = '', expiresIn = method === 'PUT' ? 900 : 3600 }) {
		const expires = Math.floor(this.now() / 1000) + expiresIn;
		const ct = method === 'PUT' ? contentType || 'application/octet-stream' : '';
		const q = new URLSearchParams({ 'X-Flow-Method': method, 'X-Flow-Expires': String(expires) });
		if (ct) q.set('X-Flow-Content-Type', ct);
		q.set('X-Flow-Signature', this.mac(method, bucket, key, expires, ct));
		const encodedKey = key.split('/').map(encodeURIComponent).join('/');
		return {
			url: `${this.baseUrl()}/_signed/${encodeURIComponent(bucket)}/${encodedKey}?${q}`,
			expires_in: expiresIn,
			expires_at: new Date(expires * 1000).toISOString(),
			method,
			path: key,
			...(method === 'PUT' ? { headers: { 'Content-Type': ct } } : {}),
		};
	}

	/**
	 * Check a `/_signed/...` request. Returns the object it grants, or `{ error }` (→ 403).
	 * @param {string} method @param {string} pathname @param {URLSearchParams} q
	 */
	verify(method, pathname, q) {
		const m = /^\/_signed\/([^/]+)\/(.+)$/.exec(pathname);
		if (!m) return { error: 'Malformed signed URL' };
		let bucket, key;
		try {
			bucket = decodeURIComponent(m[1]);
			key = m[2].split('/').map(decodeURIComponent).join('/');
		} catch {
			return { error: 'Malformed signed URL' };
		}
		const signedMethod = q.get('X-Flow-Method') ?? '';
		const expires = Number(q.get('X-Flow-Expires'));
		const ct = q.get('X-Flow-Content-Type') ?? '';
		const given = Buffer.from(q.get('X-Flow-Signature') ?? '', 'hex');
		const want = Buffer.from(this.mac(signedMethod, bucket, key, expires, ct), 'hex');
		if (given.length !== want.length || !timingSafeEqual(given, want)) return { error: 'SignatureDoesNotMatch: the request signature does not match' };
		const effective = method === 'HEAD' ? 'GET' : method;
		if (effective !== signedMethod) return { error: `SignatureDoesNotMatch: URL was signed for ${signedMethod}` };
		if (Math.floor(this.now() / 1000) > expires) return { error: 'ExpiredToken: the signed URL has expired' };
		return { bucket, key, method: signedMethod, contentType: ct };
	}
}
