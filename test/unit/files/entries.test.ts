import { toEntry } from '../../../nodes/IFlowFiles/helpers/files';
import { asFolder } from '../../../nodes/IFlowFiles/helpers/paths';

describe('iFlow Files list entries', () => {
	test('exactly the reference fields plus the full path; extra server fields dropped', () => {
		const entry = toEntry(
			{
				name: 'samples/s1/a.vcf',
				display_name: 'a.vcf',
				size: 3,
				last_modified: '2026-01-12T16:40:03.221000+00:00',
				is_folder: false,
				content_type: 'text/x-vcf',
				etag: 'x',
			},
			'samples/s1',
		);
		expect(entry).toEqual({
			name: 'samples/s1/a.vcf',
			display_name: 'a.vcf',
			size: 3,
			last_modified: '2026-01-12T16:40:03.221000+00:00',
			is_folder: false,
			content_type: 'text/x-vcf',
			path: 'samples/s1/a.vcf',
		});
	});

	test('a server that sends only the leaf name still gives the full path; missing fields are null', () => {
		expect(toEntry({ name: 'a.vcf' }, 'samples/s1/')).toEqual({
			name: 'a.vcf',
			display_name: 'a.vcf',
			size: null,
			last_modified: null,
			is_folder: false,
			content_type: null,
			path: 'samples/s1/a.vcf',
		});
		expect(toEntry({ name: 'top.txt' }, '').path).toBe('top.txt');
	});

	test('folder paths get exactly one trailing slash; the root stays empty', () => {
		expect(asFolder('a/b')).toBe('a/b/');
		expect(asFolder('a/b//')).toBe('a/b/');
		expect(asFolder('')).toBe('');
	});
});
