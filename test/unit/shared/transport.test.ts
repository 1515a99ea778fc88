import { extractDetail, formatValidationIssues } from '../../../nodes/shared/transport/errors';
import { listItems } from '../../../nodes/shared/transport/pagination';
import { redactText, redactUrl } from '../../../nodes/shared/transport/redact';
import {
	isRetryableStatus,
	parseRetryAfter,
	retryDelayMs,
	DEFAULT_RETRY_POLICY,
} from '../../../nodes/shared/transport/retry';
import { serviceApiUrl, serviceRootUrl } from '../../../nodes/shared/transport/services';

describe('service URLs', () => {
	test.each([
		['production', 'https://miner.iflow.intelliseq.com/api/v1'],
		['staging', 'https://miner.stg.iflow.intelliseq.com/api/v1'],
		['development', 'https://miner.flow.labpgx.com/api/v1'],
	])('%s', (environment, url) => {
		expect(serviceApiUrl({ environment }, 'miner')).toBe(url);
	});

	test('custom template, trailing slash trimmed', () => {
		expect(
			serviceRootUrl({ environment: 'custom', baseUrlTemplate: 'http://127.0.0.1:4010/{service}/' }, 'files'),
		).toBe('http://127.0.0.1:4010/files');
	});
});

describe('Retry-After', () => {
	test('seconds', () => expect(parseRetryAfter('3')).toBe(3000));
	test('HTTP date', () => {
		const now = Date.parse('2026-11-29T00:00:00Z');
		expect(parseRetryAfter('Sun, 29 Nov 2026 00:00:05 GMT', now)).toBe(5000);
	});
	test('past date is zero', () =>
		expect(parseRetryAfter('Sat, 28 Nov 2026 00:00:00 GMT', Date.parse('2026-11-29T00:00:00Z'))).toBe(0));
	test('garbage is ignored', () => expect(parseRetryAfter('soon')).toBeUndefined());
});

describe('backoff', () => {
	test('grows exponentially with jitter and a cap', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
		expect(retryDelayMs(1, undefined, policy, () => 1)).toBe(100);
		expect(retryDelayMs(3, undefined, policy, () => 1)).toBe(400);
		expect(retryDelayMs(3, undefined, policy, () => 0)).toBe(200);
		expect(retryDelayMs(10, undefined, policy, () => 1)).toBe(1000);
	});
	test('Retry-After wins', () => expect(retryDelayMs(1, 7000)).toBe(7000));
});

describe('which failures are retried', () => {
	test('GET on 429/502/503/504 only', () => {
		expect([429, 500, 502, 503, 504, 404].filter((s) => isRetryableStatus(s, 'GET'))).toEqual([429, 502, 503, 504]);
	});
	test('POST only when not processed', () => {
		expect([429, 502, 503, 504].filter((s) => isRetryableStatus(s, 'POST'))).toEqual([429, 503]);
	});
});

describe('error bodies', () => {
	test('FastAPI 422 list', () => {
		expect(
			formatValidationIssues([
				{ loc: ['body', 'priority'], msg: "Input should be 'low', 'medium' or 'high'" },
				{ loc: ['query', 'limit'], msg: 'too big' },
			]),
		).toBe("priority: Input should be 'low', 'medium' or 'high'\nquery parameter limit: too big");
	});
	test('detail string, message, JSON text, HTML ignored', () => {
		expect(extractDetail({ detail: 'Order not found' })).toBe('Order not found');
		expect(extractDetail({ message: 'nope' })).toBe('nope');
		expect(extractDetail('{"detail":"x"}')).toBe('x');
		expect(extractDetail('<html>502 Bad Gateway</html>')).toBeUndefined();
	});
});

describe('redaction', () => {
	test('query strings of URLs are removed', () => {
		expect(redactUrl('GET https://storage.example/b/o.vcf?X-Goog-Signature=abc&x=1 failed')).toBe(
			'GET https://storage.example/b/o.vcf?… failed',
		);
	});
	test('tokens are removed', () => {
		expect(redactText('Authorization: Bearer abc.def-123 and secret-token', ['secret-token'])).toBe(
			'Authorization: Bearer *** and ***',
		);
	});
});

describe('list bodies', () => {
	test('bare array or wrapped', () => {
		expect(listItems([{ id: 1 }])).toHaveLength(1);
		expect(listItems({ items: [{ id: 1 }, { id: 2 }] })).toHaveLength(2);
		expect(listItems({ data: [{ id: 1 }] })).toHaveLength(1);
		expect(listItems({ nothing: true })).toEqual([]);
	});
});
