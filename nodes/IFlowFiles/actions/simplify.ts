import { simplifyTable } from '../../shared/helpers';
import { FILE_ENTRY_VIEW } from '../helpers/views';

/** Simplify is on by default from version 1.1; version 1 returns the raw entries. */
export const SIMPLIFY = simplifyTable(1.1, {
	file: { get: FILE_ENTRY_VIEW, upload: FILE_ENTRY_VIEW },
	folder: { list: FILE_ENTRY_VIEW },
});
