export interface ReceivedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

export interface Receiver {
	url: string;
	received: ReceivedRequest[];
	waitFor(count: number): Promise<ReceivedRequest[]>;
	close(): Promise<void>;
}

export declare function startReceiver(): Promise<Receiver>;
