'use strict';
// A stand-in LIMS for the LIMS intake example: it receives the workflow's
// final "report ready" POST (the example's configured LIMS reply URL; the e2e suite
// points it here, and checks nothing arrives on the path an intake's reply_to names).
const http = require('node:http');
const { waitFor } = require('../../scripts/lib/n8n');

function startLimsReceiver() {
	const received = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			let json;
			try {
				json = JSON.parse(body);
			} catch {
				json = body;
			}
			received.push({ method: req.method, path: req.url, headers: req.headers, body: json });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const url = `http://127.0.0.1:${server.address().port}`;
			resolve({
				url,
				received,
				next: (count, timeoutMs = 30000) =>
					waitFor(`${count} POST(s) to the LIMS`, timeoutMs, () => received.length >= count),
				stop: () => new Promise((done) => server.close(done)),
			});
		});
	});
}

module.exports = { startLimsReceiver };
