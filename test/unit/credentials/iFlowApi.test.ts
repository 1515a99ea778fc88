import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { IFlowApi } from '../../../credentials/IFlowApi.credentials';
import { unencryptedUrlProblem } from '../../../nodes/shared/transport/services';

const credential = new IFlowApi();
const property = (name: string) => credential.properties.find((p) => p.name === name);

describe('iFlow API credential', () => {
	test('the Custom URL Template has no default, only an example placeholder', () => {
		const template = property('baseUrlTemplate');
		expect(template?.default).toBe('');
		expect(template?.placeholder).toBe('https://{service}.flow.example.org');
		expect(template?.required).toBe(true);
	});

	test('no field defaults to a local address (it would work only on a developer machine)', () => {
		const local = /localhost|127\.\d+\.\d+\.\d+|\[::1\]|:4010/;
		for (const p of credential.properties) {
			expect(`${p.name}: ${JSON.stringify(p.default)} ${p.placeholder ?? ''}`).not.toMatch(local);
		}
	});

	test('an empty Custom template is named as such, not as an invalid URL', () => {
		const unfilled: ICredentialDataDecryptedObject[] = [{ baseUrlTemplate: '' }, { baseUrlTemplate: '   ' }, {}];
		for (const credentials of unfilled) {
			expect(unencryptedUrlProblem('/api/v1', { environment: 'custom', ...credentials })).toMatch(
				/^'URL Template' is empty/,
			);
		}
		expect(
			unencryptedUrlProblem('https://miner.iflow.intelliseq.com/api/v1', { environment: 'production' }),
		).toBeUndefined();
	});
});
