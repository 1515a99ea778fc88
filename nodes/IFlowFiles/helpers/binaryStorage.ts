import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * n8n's `database` binary-data mode (the default in queue mode, n8n 1.x and 2.x) reads a whole
 * file into memory, then refuses it above N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE (MiB, default
 * 512, at most 1024). A node sees neither the mode nor that setting, so the limit is a node
 * option with n8n's default, and the mode is read off an id n8n gives stored binary data.
 */
export const DATABASE_MODE_DEFAULT_MIB = 512;
const MIB = 1024 * 1024;

export function databaseLimitOption(): INodeProperties {
	return {
		displayName: 'Max Size in Database Mode (MiB)',
		name: 'databaseModeMaxMiB',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1024 },
		default: DATABASE_MODE_DEFAULT_MIB,
		description:
			"Only when n8n keeps binary data in its database (N8N_DEFAULT_BINARY_DATA_MODE=database, the default in queue mode): a larger file is refused before any transfer. Set it to n8n's N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE (default 512); a node cannot read n8n's settings.",
	};
}

/** The limit in bytes from the node's options (n8n's default when unset); refused when not 1..1024. */
export function databaseLimitBytes(
	ctx: IExecuteFunctions,
	options: { databaseModeMaxMiB?: unknown },
	itemIndex: number,
): number {
	const value = options.databaseModeMaxMiB;
	if (value === undefined || value === null || value === '') return DATABASE_MODE_DEFAULT_MIB * MIB;
	const mib = Number(value);
	if (!Number.isFinite(mib) || mib <= 0 || mib > 1024) {
		throw new NodeOperationError(
			ctx.getNode(),
			`'Max Size in Database Mode (MiB)' must be a number from 1 to 1024, got ${JSON.stringify(value)}`,
			{ itemIndex, description: "Use n8n's N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE (default 512)." },
		);
	}
	return mib * MIB;
}

/** The binary-data mode of a stored value: its id is "<mode>:<file id>"; inline (memory) has none. */
export function storedMode(binary: Pick<IBinaryData, 'id'>): string {
	return binary.id ? binary.id.split(':')[0] : 'default';
}

const probed = new WeakMap<object, Promise<string>>();

/**
 * The mode n8n stores new binary data in. Learned by storing an empty value (once per node run;
 * n8n deletes it with the execution's other binary data), as nothing else tells a node.
 */
export async function binaryDataMode(ctx: IExecuteFunctions): Promise<string> {
	let mode = probed.get(ctx);
	if (!mode) {
		mode = ctx.helpers
			.prepareBinaryData(Buffer.alloc(0), 'binary-mode-probe', 'application/octet-stream')
			.then(storedMode);
		probed.set(ctx, mode);
	}
	return await mode;
}

function mib(bytes: number): string {
	return `${Math.round((bytes / MIB) * 10) / 10} MiB`;
}

/** Refusal for a file over the database-mode limit; it names the link operation to use instead. */
export function tooLargeForDatabaseMode(
	ctx: IExecuteFunctions,
	transfer: { direction: 'download' | 'upload'; path: string; bytes: number; limit: number; itemIndex: number },
): NodeOperationError {
	const { direction, path, bytes, limit, itemIndex } = transfer;
	const instead =
		direction === 'download'
			? "Use 'Get Download Link' instead: the next step (or the recipient) fetches the file from the signed URL, and n8n never holds it."
			: "Use 'Get Upload Link' instead: whoever has the file PUTs it to the signed URL, and n8n never holds it.";
	return new NodeOperationError(
		ctx.getNode(),
		`${path} is ${mib(bytes)}: too large for n8n's database binary storage (limit ${mib(limit)}); nothing was transferred`,
		{
			itemIndex,
			description: `This n8n keeps binary data in its database (N8N_DEFAULT_BINARY_DATA_MODE=database, the default in queue mode), which holds each file whole in memory and refuses files over N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE. ${instead} Otherwise raise that setting (at most 1024 MiB) together with this node's 'Max Size in Database Mode (MiB)' option, or use S3 binary storage.`,
		},
	);
}
