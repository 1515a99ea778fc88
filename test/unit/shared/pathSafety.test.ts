import { requestPathProblem, segmentProblem } from '../../../nodes/shared/helpers';

describe('segmentProblem', () => {
	test.each(['sam-001', 'R1.fastq.gz', '...', '.hidden', 'report 100%.pdf', 'a?b'])('accepts %j', (text) => {
		expect(segmentProblem(text)).toBeUndefined();
	});
	test.each([
		['..', /"\." or "\.\."/],
		[' .. ', /"\." or "\.\."/],
		['%2E%2e', /"\." or "\.\."/],
		['%252e', /"\." or "\.\."/],
		['a/b', /"\/" or "\\"/],
		['a%2fb', /"\/" or "\\"/],
		['a\\b', /"\/" or "\\"/],
		['a%255Cb', /"\/" or "\\"/],
		['a\u0000b', /control/],
		['a%0Ab', /control/],
		['a\u007fb', /control/],
	])('refuses %j', (text, message) => {
		expect(segmentProblem(text)).toMatch(message);
	});
});

describe('requestPathProblem', () => {
	test.each(['/orders', '/orders/', '/orders/abc/samples/def', '/api/v1/orders'])('accepts %s', (path) => {
		expect(requestPathProblem(path)).toBeUndefined();
	});
	test.each([
		['orders', /start with/],
		['/orders//x', /empty segments/],
		['/%2e%2e/%2e%2e/%2e%2e/x', /"\." or "\.\."/],
		['/orders/%2E/x', /"\." or "\.\."/],
		['/orders/a%2Fb', /"\/" or "\\"/],
		['/orders/a\\..\\b', /"\/" or "\\"/],
		['/orders/a%3Fb', /"\?" or "#"/],
		['/orders/a%23b', /"\?" or "#"/],
	])('refuses %s', (path, message) => {
		expect(requestPathProblem(path)).toMatch(message);
	});
});
