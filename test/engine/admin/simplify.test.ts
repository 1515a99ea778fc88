import { IFlowAdmin } from '../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { SIMPLIFY } from '../../../nodes/IFlowAdmin/actions/simplify';
import { PROJECT_A } from '../../helpers/emulator';
import { byId } from '../../helpers/suite';
import { byProfile } from '../profile';
import { describeSimplify } from '../simplify';

// The reference documents only the fields the views keep: a documented server sends no more.
const small = byProfile({ full: false, documented: true });

describeSimplify('Admin', {
	node: new IFlowAdmin(),
	table: SIMPLIFY,
	oldVersion: 1,
	cases: {
		'organization.getMany': {
			small,
			parameters: () => ({ resource: 'organization', operation: 'getMany', returnAll: true }),
		},
		'project.get': {
			small,
			parameters: () => ({ resource: 'project', operation: 'get', project: byId(PROJECT_A) }),
		},
		'project.getMany': {
			small,
			parameters: () => ({ resource: 'project', operation: 'getMany', returnAll: true }),
		},
	},
});
