import { simplifyTable, withFields } from '../../shared/helpers';
import { PIPELINE_VIEW, RUN_OUTPUT_VIEW, RUN_VIEW } from '../helpers/views';

/** Simplify is on by default from version 1.2; older versions return the raw records. */
export const SIMPLIFY = simplifyTable(1.2, {
	pipeline: {
		create: PIPELINE_VIEW,
		get: PIPELINE_VIEW,
		getBySlug: PIPELINE_VIEW,
		getMany: PIPELINE_VIEW,
		getVersions: PIPELINE_VIEW,
	},
	run: {
		cancel: withFields(RUN_VIEW, ['cancelled']),
		get: RUN_VIEW,
		getLatestSuccessful: RUN_VIEW,
		getMany: RUN_VIEW,
		getOutputByName: RUN_OUTPUT_VIEW,
		getOutputs: RUN_OUTPUT_VIEW,
		getRunsOfOrder: RUN_VIEW,
		submit: RUN_VIEW,
		waitForCompletion: RUN_VIEW,
	},
});
