import { simplifyTable, withFields } from '../../shared/helpers';
import { ORDER_VIEW, SAMPLE_VIEW, SUBJECT_VIEW } from '../helpers/views';

/** Version 1 simplified only its reads; from 1.1 every operation that returns a record does. */
const since1 = <T>(view: T) => ({ view, onFrom: 1 });

export const SIMPLIFY = simplifyTable(1.1, {
	subject: {
		get: since1(SUBJECT_VIEW),
		getMany: since1(SUBJECT_VIEW),
		create: SUBJECT_VIEW,
		update: SUBJECT_VIEW,
		upsert: SUBJECT_VIEW,
	},
	sample: {
		get: since1(SAMPLE_VIEW),
		getMany: since1(SAMPLE_VIEW),
		create: SAMPLE_VIEW,
		update: SAMPLE_VIEW,
		upsert: SAMPLE_VIEW,
	},
	order: {
		get: since1(ORDER_VIEW),
		getMany: since1(ORDER_VIEW),
		getSamples: since1(SAMPLE_VIEW),
		create: withFields(ORDER_VIEW, ['samples']),
		update: ORDER_VIEW,
		transition: withFields(ORDER_VIEW, ['alreadyInStatus']),
		cancel: withFields(ORDER_VIEW, ['alreadyInStatus']),
		addSample: SAMPLE_VIEW,
	},
});
