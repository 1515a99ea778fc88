import { pathValueProblem } from './pathSafety';

/** One operation a service's OpenAPI document offers, with its path under `/api/v1`. */
export interface ApiOperation {
	method: string;
	path: string;
	summary: string;
	/** Names of the query parameters the operation lists. */
	query: string[];
}

export const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const API_PREFIX = '/api/v1';

function serverPath(doc: Record<string, unknown>): string {
	const servers = Array.isArray(doc.servers) ? (doc.servers as Array<{ url?: unknown }>) : [];
	const url = typeof servers[0]?.url === 'string' ? servers[0].url : '';
	return url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\/+$/, '');
}

/** Query parameter names of a parameter list, `$ref`s to `#/components/parameters/…` resolved. */
function queryNames(doc: Record<string, unknown>, ...lists: unknown[]): string[] {
	const components = ((doc.components as Record<string, unknown> | undefined)?.parameters ?? {}) as Record<
		string,
		unknown
	>;
	const names: string[] = [];
	for (const list of lists) {
		if (!Array.isArray(list)) continue;
		for (let parameter of list as Array<Record<string, unknown>>) {
			const ref = typeof parameter?.$ref === 'string' ? parameter.$ref : '';
			if (ref.startsWith('#/components/parameters/'))
				parameter = components[ref.slice('#/components/parameters/'.length)] as Record<string, unknown>;
			if (parameter?.in === 'query' && typeof parameter.name === 'string') names.push(parameter.name);
		}
	}
	return names;
}

/**
 * The operations API Request can reach: paths under `/api/v1` (FastAPI lists them from the
 * service root; a server URL ending in `/api/v1` means they are already relative to it).
 * HTML and docs routes outside `/api/v1` are left out.
 */
export function apiOperationsFromOpenApi(doc: unknown): ApiOperation[] {
	if (!doc || typeof doc !== 'object') return [];
	const record = doc as Record<string, unknown>;
	const paths = record.paths && typeof record.paths === 'object' ? (record.paths as Record<string, unknown>) : {};
	const relative = serverPath(record).endsWith(API_PREFIX);
	const operations: ApiOperation[] = [];
	for (const [rawPath, item] of Object.entries(paths)) {
		let path: string;
		if (relative) path = rawPath;
		else if (rawPath.startsWith(`${API_PREFIX}/`)) path = rawPath.slice(API_PREFIX.length);
		else continue;
		if (!item || typeof item !== 'object') continue;
		for (const method of API_METHODS) {
			const operation = (item as Record<string, unknown>)[method.toLowerCase()];
			if (!operation || typeof operation !== 'object') continue;
			const { summary, operationId, parameters } = operation as {
				summary?: unknown;
				operationId?: unknown;
				parameters?: unknown;
			};
			const query = queryNames(record, (item as Record<string, unknown>).parameters, parameters);
			operations.push({ method, path, summary: String(summary ?? operationId ?? '').trim(), query });
		}
	}
	return operations;
}

/** "GET /orders/{order_id}" → method and path; a path without a method gives only the path. */
export function splitMethodAndPath(value: string): { method?: string; path: string } {
	const match = /^\s*([A-Za-z]+)\s+(\S.*)$/.exec(value);
	if (match && (API_METHODS as readonly string[]).includes(match[1].toUpperCase())) {
		return { method: match[1].toUpperCase(), path: match[2].trim() };
	}
	return { path: value.trim() };
}

/**
 * Fill `{name}` placeholders from the given values (URL-encoded). Returns the path, or a
 * problem naming the placeholder left open or the value that matches no placeholder. A value
 * fills exactly one segment: one that could move the request (`..`, `/`, `%2e%2e`, `?`…) is a
 * problem too, reported with the parameter's name in `unsafeField`.
 */
export function fillPathParameters(
	path: string,
	values: Array<{ name?: string; value?: unknown }>,
): { path?: string; problem?: string; unsafeField?: string } {
	let result = path;
	for (const { name, value } of values) {
		const key = String(name ?? '').trim();
		if (!key) continue;
		const placeholder = `{${key}}`;
		if (!result.includes(placeholder)) return { problem: `the path has no placeholder ${placeholder}` };
		const text = String(value ?? '').trim();
		if (!text) return { problem: `the value for ${placeholder} is empty` };
		const unsafe = pathValueProblem(text);
		if (unsafe) return { problem: `the value ${JSON.stringify(text.slice(0, 80))} ${unsafe}`, unsafeField: key };
		result = result.split(placeholder).join(encodeURIComponent(text));
	}
	const open = /\{[^}/]*\}/.exec(result);
	if (open) return { problem: `the path still has the placeholder ${open[0]}` };
	return { path: result };
}

/** Does a concrete path (`/orders/123`) or template (`/orders/{id}`) fit an OpenAPI path template? */
export function pathFitsTemplate(path: string, template: string): boolean {
	const segments = path.split('?')[0].split('/').filter(Boolean);
	const pattern = template.split('/').filter(Boolean);
	if (segments.length !== pattern.length) return false;
	const placeholder = (part: string) => /^\{[^}]+\}$/.test(part);
	// A placeholder in the template takes any segment; one in `path` fits only a template placeholder.
	return pattern.every((part, i) => placeholder(part) || part === segments[i]);
}

/** The listed operation a request goes to; literal segments win over `{placeholders}`, as in FastAPI. */
export function findApiOperation(operations: ApiOperation[], method: string, path: string): ApiOperation | undefined {
	const fits = operations.filter((op) => op.method === method.toUpperCase() && pathFitsTemplate(path, op.path));
	const literals = (op: ApiOperation) => op.path.split('/').filter((part) => part && !part.startsWith('{')).length;
	return fits.sort((a, b) => literals(b) - literals(a))[0];
}
