import { recordView } from '../../shared/helpers';

/** A file or folder: its full path first (a file's ID), without `name` (the same key again). */
export const FILE_ENTRY_VIEW = recordView([
	'path',
	'display_name',
	'is_folder',
	'size',
	'last_modified',
	'content_type',
]);
