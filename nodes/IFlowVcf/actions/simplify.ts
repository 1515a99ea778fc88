import { simplifyTable } from '../../shared/helpers';
import { VARIANT_VIEW } from '../helpers/views';

/** Simplify is on by default from version 1.1; version 1 returns the raw variants. */
export const SIMPLIFY = simplifyTable(1.1, {
	variant: { getMany: VARIANT_VIEW },
});
