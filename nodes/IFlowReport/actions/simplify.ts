import { simplifyTable } from '../../shared/helpers';
import { REPORT_VIEW } from '../helpers/views';

/** Simplify is on by default from version 1.1; version 1 returns the raw records. */
export const SIMPLIFY = simplifyTable(1.1, {
	report: { get: REPORT_VIEW, getMany: REPORT_VIEW },
});
