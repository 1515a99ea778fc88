import { baseName, slugify, toBucketPath } from '../../../nodes/shared/helpers/bucketPath';

describe('bucket paths', () => {
	test('relative paths pass, leading slash stripped', () => {
		expect(toBucketPath('/samples/s1/uploads/R1.fastq.gz')).toEqual({ path: 'samples/s1/uploads/R1.fastq.gz' });
	});
	test("the project's bucket URI is stripped", () => {
		expect(toBucketPath('gs://bgl-hereditary-2026/analyses/x.vcf.gz', 'bgl-hereditary-2026')).toEqual({
			path: 'analyses/x.vcf.gz',
		});
		expect(toBucketPath('s3://bucket/a/b', 's3://bucket/')).toEqual({ path: 'a/b' });
	});
	test('another bucket, .., empty and URLs are refused', () => {
		expect(toBucketPath('gs://other/a', 'mine').problem).toMatch(/not in this project's bucket mine/);
		expect(toBucketPath('a/../b').problem).toMatch(/"\.\."/);
		expect(toBucketPath('  ').problem).toBe('the path is empty');
		expect(toBucketPath('', undefined, { allowEmpty: true })).toEqual({ path: '' });
		expect(toBucketPath('https://x/y').problem).toMatch(/is a URL/);
	});
	test('slug and base name', () => {
		expect(slugify('ORD-2026_0001 ')).toBe('ord-2026-0001');
		expect(baseName('a/b/c.pdf')).toBe('c.pdf');
		expect(baseName('a/b/')).toBe('b');
	});
});
