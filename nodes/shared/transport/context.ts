import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Every n8n context our nodes call Flow from. */
export type FlowContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export const CREDENTIAL_TYPE = 'iFlowApi';

// One decrypt per execution context, not one per item.
const credentialCache = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

export async function getFlowCredentials(ctx: FlowContext): Promise<ICredentialDataDecryptedObject> {
	let cached = credentialCache.get(ctx);
	if (!cached) {
		cached = ctx.getCredentials(CREDENTIAL_TYPE);
		credentialCache.set(ctx, cached);
		cached.catch(() => credentialCache.delete(ctx));
	}
	return await cached;
}
