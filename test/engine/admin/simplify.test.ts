import { IFlowAdmin } from '../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { SIMPLIFY } from '../../../nodes/IFlowAdmin/actions/simplify';
import { PROJECT_A, startEmulator, type EmulatorHandle } from '../../helpers/emulator';
import { describeSimplify } from '../simplify';

let emu: EmulatorHandle;
beforeAll(async () => {
	emu = await startEmulator();
});
afterAll(async () => await emu.stop());
beforeEach(async () => await emu.reset());

describe('Admin › Simplify', () => {
	describeSimplify({
		node: new IFlowAdmin(),
		table: SIMPLIFY,
		oldVersion: 1,
		emulator: () => emu,
		cases: {
			'organization.getMany': {
				parameters: () => ({ resource: 'organization', operation: 'getMany', returnAll: true }),
			},
			'project.get': {
				parameters: () => ({ resource: 'project', operation: 'get', project: { mode: 'id', value: PROJECT_A } }),
			},
			'project.getMany': { parameters: () => ({ resource: 'project', operation: 'getMany', returnAll: true }) },
		},
	});
});
