import { simplifyTable } from '../../shared/helpers';
import { EVENT_VIEW } from '../helpers/views';

/** Simplify is on by default from version 1.1; version 1 returns the raw events. */
export const SIMPLIFY = simplifyTable(1.1, {
	event: { getMany: EVENT_VIEW },
});
