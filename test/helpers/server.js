// A small programmable HTTP server on 127.0.0.1 for transport attack tests (redirects, trickled
// and oversized answers). Every request is recorded with its headers; `handler(req, res, request)`
// answers it. close() drops open connections and stops every timer the helpers started, so a
// trickling answer never outlives its test.
const http = require('node:http');

async function startServer(handler) {
	const received = [];
	const timers = new Set();
	const server = http.createServer((req, res) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const request = { method: req.method, path: req.url, headers: req.headers, body };
			received.push(request);
			handler(req, res, request);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		received,
		/**
		 * Headers, then `chunk` every `intervalMs` until `maxMs` has passed (then the body ends) or
		 * the client goes away. Resolves when it stopped, with whether the client closed first.
		 */
		trickle(res, { intervalMs, chunk = ' ', maxMs, head = '', contentType = 'application/json' }) {
			res.writeHead(200, { 'content-type': contentType });
			if (head) res.write(head);
			const started = Date.now();
			return new Promise((resolve) => {
				const timer = setInterval(() => {
					if (res.destroyed || res.writableEnded) return stop(true);
					if (Date.now() - started >= maxMs) {
						res.end();
						return stop(false);
					}
					res.write(chunk);
				}, intervalMs);
				timers.add(timer);
				const stop = (clientClosed) => {
					clearInterval(timer);
					timers.delete(timer);
					resolve({ clientClosed, afterMs: Date.now() - started });
				};
				res.on('close', () => {
					if (!res.writableEnded) stop(true);
				});
			});
		},
		async close() {
			for (const timer of timers) clearInterval(timer);
			timers.clear();
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

/** A JSON answer. */
function sendJson(res, status, body, headers = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

/** A token for servers that are not the emulator, so a leak is easy to spot. */
const PROBE_TOKEN = 'probe-secret-token-4f9c2a';

module.exports = { startServer, sendJson, PROBE_TOKEN };
