// A tiny HTTP receiver for callback tests: records every request and answers 200.
const http = require('node:http');

async function startReceiver() {
	const received = [];
	const waiters = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			let json;
			try {
				json = body ? JSON.parse(body) : undefined;
			} catch {
				json = undefined;
			}
			received.push({ method: req.method, path: req.url, headers: req.headers, body: json ?? body });
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
			for (const waiter of waiters.splice(0)) waiter();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		/** Resolves once `count` requests have arrived (the test's own timeout bounds it). */
		async waitFor(count) {
			while (received.length < count) await new Promise((resolve) => waiters.push(resolve));
			return received.slice(0, count);
		},
		async close() {
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startReceiver };
