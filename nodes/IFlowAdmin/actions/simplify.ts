import { simplifyTable } from '../../shared/helpers';
import { ORGANIZATION_VIEW, PROJECT_VIEW } from '../helpers/views';

/** Simplify is on by default from version 1.1; version 1 returns the raw records. */
export const SIMPLIFY = simplifyTable(1.1, {
	organization: { getMany: ORGANIZATION_VIEW },
	project: { get: PROJECT_VIEW, getMany: PROJECT_VIEW },
});
