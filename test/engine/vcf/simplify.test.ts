import { IFlowVcf } from '../../../nodes/IFlowVcf/IFlowVcf.node';
import { SIMPLIFY } from '../../../nodes/IFlowVcf/actions/simplify';
import { byId } from '../../helpers/suite';
import { describeSimplify } from '../simplify';
import { orderWithSamples } from './fixtures';

describeSimplify('VCF', {
	node: new IFlowVcf(),
	table: SIMPLIFY,
	oldVersion: 1,
	cases: {
		'variant.getMany': {
			beyondReference: 'GET /orders/{order_id}/variants (vcf service)',
			setup: async (emu) => ({ orderId: (await orderWithSamples(emu)).orderId }),
			parameters: ({ orderId }) => ({
				resource: 'variant',
				operation: 'getMany',
				order: byId(orderId),
				returnAll: false,
				limit: 20,
			}),
		},
	},
});
