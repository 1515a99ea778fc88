// @ts-check
/** An error answered as JSON `{"detail": ...}` (FastAPI shape). Throw it from handlers. */
export class HttpError extends Error {
	/**
	 * @param {number} status
	 * @param {string | object[]} detail string, or FastAPI validation items for 422
	 * @param {Record<string, string>} [headers]
	 */
	constructor(status, detail, headers = {}) {
		super(typeof detail === 'string' ? detail : `HTTP ${status}`);
		this.status = status;
		this.detail = detail;
		this.headers = headers;
	}
}

/**
 * One FastAPI/pydantic validation item.
 * @param {(string|number)[]} loc
 * @param {string} msg
 * @param {string} type
 * @param {unknown} [input]
 */
export function validationItem(loc, msg, type, input) {
	/** @type {{type: string, loc: (string|number)[], msg: string, input?: unknown}} */
	const item = { type, loc, msg };
	if (input !== undefined) item.input = input;
	return item;
}

/** @param {ReturnType<typeof validationItem>[]} items */
export function validationError(items) {
	return new HttpError(422, items);
}
