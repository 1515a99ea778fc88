import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

export declare function useFilesystemBinaryMode(): Promise<{ storagePath: string; service: unknown }>;
export declare function useDatabaseBinaryMode(options?: { maxFileSizeMiB?: number }): Promise<{
	service: unknown;
	files: Map<string, { data: Buffer; fileName?: string; mimeType?: string }>;
}>;
export declare function patternStream(size: number, seed?: number): NodeJS.ReadableStream;
export declare function binaryItem(options: {
	size: number;
	fileName?: string;
	mimeType?: string;
	property?: string;
	workflowId?: string;
	executionId?: string;
	seed?: number;
}): Promise<INodeExecutionData>;
export declare function digestBinary(binary: IBinaryData): Promise<{ size: number; sha256: string }>;
export declare function digestPattern(size: number, seed?: number): Promise<{ size: number; sha256: string }>;
export declare function measureRss<T>(
	fn: () => Promise<T>,
	intervalMs?: number,
): Promise<{ result: T; baseline: number; peak: number; growth: number }>;
export declare function removeDir(dir: string | undefined): void;
