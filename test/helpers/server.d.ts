export interface RecordedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** The parts of node's ServerResponse the tests use (test code may not import node built-ins). */
export interface TestResponse {
	readonly destroyed: boolean;
	writeHead(status: number, headers?: Record<string, string | number>): TestResponse;
	write(chunk: string): boolean;
	end(chunk?: string): void;
	once(event: 'drain' | 'close', listener: () => void): TestResponse;
}

export interface TrickleOptions {
	intervalMs: number;
	chunk?: string;
	/** The body ends after this long (bounds the trickle even if the client never gives up). */
	maxMs: number;
	/** Written right after the headers. */
	head?: string;
	contentType?: string;
}

export interface TestServer {
	url: string;
	port: number;
	received: RecordedRequest[];
	trickle(res: TestResponse, options: TrickleOptions): Promise<{ clientClosed: boolean; afterMs: number }>;
	close(): Promise<void>;
}

/** A token for servers that are not the emulator, so a leak is easy to spot. */
export declare const PROBE_TOKEN: string;

export declare function startServer(
	handler: (req: unknown, res: TestResponse, request: RecordedRequest) => void,
): Promise<TestServer>;
export declare function sendJson(
	res: TestResponse,
	status: number,
	body: unknown,
	headers?: Record<string, string | number>,
): void;
