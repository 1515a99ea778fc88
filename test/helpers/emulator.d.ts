import type { IDataObject } from 'n8n-workflow';

export declare const TOKENS: { admin: string; editor: string; viewer: string; expired: string };
export declare const PROJECT_A: string;
export declare const PROJECT_B: string;
export declare const ORG_ID: string;

export interface EmulatorRequest {
	seq: number;
	time: string;
	method: string;
	service: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: IDataObject;
	status: number;
}

export interface ApiOptions {
	body?: unknown;
	token?: string;
	project?: string | null;
	query?: Record<string, string | number | boolean>;
	allowError?: boolean;
	full?: boolean;
}

export interface FaultRule {
	service?: string;
	method?: string;
	path?: string;
	count?: number;
	probability?: number;
	status?: number;
	retryAfter?: string | number;
	body?: unknown;
	reset?: boolean;
	delayMs?: number;
	truncate?: number;
	/** Process the request first (the record is stored), then apply the fault to its answer. */
	afterCommit?: boolean;
	/** Reproducible draws for `probability` and `mix`. */
	seed?: number;
	/** One of these faults is picked (by weight) each time the rule fires. */
	mix?: Array<
		Omit<FaultRule, 'service' | 'method' | 'path' | 'count' | 'probability' | 'seed' | 'mix'> & { weight?: number }
	>;
	/** A name for the request log's `faultKind`. */
	kind?: string;
}

export type EmulatorProfile = 'full' | 'documented';
/** The profile emulators start in unless told: FLOW_EMULATOR_PROFILE, else 'full'. */
export declare const DEFAULT_PROFILE: EmulatorProfile;

export declare class EmulatorHandle {
	url: string;
	pid: number;
	/** The profile the emulator serves (test/emulator/README.md "Profiles"). */
	profile: EmulatorProfile;
	/** Switch live; `maxPageSize` caps every list with `limit` (absent = no cap). */
	setProfile(
		name: EmulatorProfile,
		options?: { maxPageSize?: number | null },
	): Promise<{ profile: EmulatorProfile; maxPageSize: number | null }>;
	credentials(overrides?: Record<string, unknown>): Record<string, string>;
	control<T = IDataObject>(method: string, route: string, body?: unknown): Promise<T>;
	reset(seed?: unknown): Promise<IDataObject>;
	requests(filter?: Partial<Record<keyof EmulatorRequest, string | number | RegExp>>): Promise<EmulatorRequest[]>;
	clearRequests(): Promise<void>;
	fault(rule: FaultRule): Promise<{ id: string }>;
	clearFaults(): Promise<void>;
	clock(mode: 'real' | 'fast' | 'manual'): Promise<void>;
	advance(ms: number): Promise<void>;
	api<T = IDataObject>(service: string, method: string, apiPath: string, opts?: ApiOptions): Promise<T>;
	rss(): number;
	stop(): Promise<void>;
}

export declare function startEmulator(options?: {
	clock?: 'real' | 'fast' | 'manual';
	/** Default: DEFAULT_PROFILE (env FLOW_EMULATOR_PROFILE, else 'full'). */
	profile?: EmulatorProfile;
	maxPageSize?: number;
	env?: Record<string, string>;
	args?: string[];
}): Promise<EmulatorHandle>;
