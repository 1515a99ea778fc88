// Per-file test set-up shared by every engine test: one emulator per file, a clean state before
// each test, and a short way to run one node against it. Test files and per-node fixtures use
// these instead of writing the start/reset/stop block again.
const { startEmulator } = require('./emulator');
const { runNode } = require('./engine');

/**
 * Start one emulator for the test file (beforeAll), give every test a fresh state, an empty
 * request log and no faults (beforeEach), stop it afterwards (afterAll).
 * @param {Parameters<typeof startEmulator>[0]} [options] passed to startEmulator
 * @returns {() => import('./emulator').EmulatorHandle}
 */
function useEmulator(options = {}) {
	let emu;
	beforeAll(async () => {
		emu = await startEmulator(options);
	});
	afterAll(async () => await emu?.stop());
	beforeEach(async () => {
		await emu.reset();
		await emu.clearRequests();
		await emu.clearFaults();
	});
	return () => emu;
}

/**
 * useEmulator() as a handle for module-level code: `const emu = useEmulatorHandle();` and then
 * `emu.api(...)` in any hook or test. Each property is read from the emulator started for the
 * file (or for the describe block it is called in), so the handle exists before beforeAll runs.
 * @param {Parameters<typeof startEmulator>[0]} [options] passed to startEmulator
 * @returns {import('./emulator').EmulatorHandle}
 */
function useEmulatorHandle(options = {}) {
	const current = useEmulator(options);
	return new Proxy(
		{},
		{
			get(_target, key) {
				const emu = current();
				if (!emu) throw new Error(`emulator.${String(key)} used before beforeAll started the emulator`);
				const value = emu[key];
				return typeof value === 'function' ? value.bind(emu) : value;
			},
		},
	);
}

/**
 * `run(emu, parameters, options)` for one node type: the emulator's credentials (with
 * `options.credentials` as overrides) and the rest of runNode's options passed through.
 */
function nodeRunner(node) {
	return async (emu, parameters, options = {}) => {
		const { credentials, ...rest } = options;
		return await runNode({ node, parameters, ...rest, credentials: emu.credentials(credentials) });
	};
}

/** A resource locator value "By ID". */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/**
 * Node parameters for one operation: `params(extra)` = resource, operation, the fixed ones and
 * `extra`. With `idField`, `params(id, extra)` also sets that field (e.g. 'orderId').
 */
function operationParams(resource, operation, fixed = {}) {
	return (extra = {}) => ({ resource, operation, ...fixed, ...extra });
}
function operationWithId(resource, operation, idField) {
	return (id, extra = {}) => ({ resource, operation, [idField]: id, ...extra });
}

/**
 * The first logged request matching `filter` (e.g. {service, method}); its path must be `path`
 * (one assertion). Returns it for checks of its body or query.
 */
async function expectRequest(emu, filter, path) {
	const [request] = await emu.requests(filter);
	expect(request.path).toBe(path);
	return request;
}

module.exports = {
	useEmulator,
	useEmulatorHandle,
	nodeRunner,
	byId,
	operationParams,
	operationWithId,
	expectRequest,
};
