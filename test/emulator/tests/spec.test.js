// The spec machinery: overlay merging, operation index (service, base path, X-Project-ID rule),
// and the response check that keeps handlers to the documented shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadSpec, mergeOverlay } from '../core/spec.js';
import { Validator } from '../core/validate.js';

const specDir = fileURLToPath(new URL('../spec', import.meta.url));

test('overlay: new paths added, existing operations replaced, x-merge appends/replaces parameters', () => {
	const doc = {
		paths: { '/a': { get: { operationId: 'a', parameters: [{ name: 'x', in: 'query' }, { $ref: '#/components/parameters/Y' }], responses: { 200: {} } } } },
		components: { parameters: { Y: { name: 'y', in: 'query' } }, schemas: { S: { type: 'string' } } },
	};
	mergeOverlay(doc, {
		paths: {
			'/a': { get: { 'x-merge': true, summary: 'merged', parameters: [{ name: 'y', in: 'query', required: true }, { name: 'z', in: 'query' }], responses: { 404: {} } } },
			'/b': { post: { operationId: 'b' } },
		},
		components: { schemas: { T: { type: 'integer' } } },
	});
	const a = doc.paths['/a'].get;
	assert.equal(a.summary, 'merged');
	assert.equal(a.operationId, 'a');
	assert.ok(!('x-merge' in a));
	assert.deepEqual(a.parameters.map((p) => p.name ?? p.$ref), ['x', 'y', 'z']);
	assert.equal(a.parameters[1].required, true);
	assert.deepEqual(Object.keys(a.responses), ['200', '404']);
	assert.equal(doc.paths['/b'].post.operationId, 'b');
	assert.deepEqual(Object.keys(doc.components.schemas), ['S', 'T']);
});

test('index: service and base path from servers, X-Project-ID rules, unique operationIds', () => {
	const { operations } = loadSpec(specDir);
	const by = Object.fromEntries(operations.map((o) => [o.operationId, o]));
	assert.equal(by.listRuns.service, 'compute');
	assert.equal(by.listRuns.fullPath, '/api/v1/runs');
	assert.equal(by.listRuns.projectRule, 'required');
	assert.equal(by.getRun.projectRule, 'optional');
	assert.equal(by.listFiles.projectRule, 'either');
	assert.equal(by.getFileMetadata.projectRule, 'either');
	assert.equal(by.listProjects.projectRule, 'none');
	assert.equal(by.listAuditEvents.service, 'audit');
	assert.equal(by.getServiceOpenApi.service, '*');
	assert.equal(by.reportSignoffCommit.fullPath, '/{report_id}/signoff/commit');
	const ids = operations.map((o) => `${o.service}:${o.operationId}`);
	assert.equal(new Set(ids).size, ids.length);
	assert.ok(by.listFiles.parameters.some((p) => p.name === 'recursive'), 'overlay parameters merged');
});

test('response check: extra FileItem keys, wrong types and undocumented 2xx statuses are reported', () => {
	const { doc, operations } = loadSpec(specDir);
	const v = new Validator(doc);
	const listFiles = operations.find((o) => o.operationId === 'listFiles');
	const ok = { bucket_name: 'b', path: '', folders: [], files: [{ name: 'a', display_name: 'a', size: 1, last_modified: null, is_folder: false, content_type: null }] };
	assert.deepEqual(v.response(listFiles, 200, ok), []);
	const extra = structuredClone(ok);
	extra.files[0].etag = 'x';
	assert.equal(v.response(listFiles, 200, extra).length, 1);
	const noSize = structuredClone(ok);
	delete noSize.files[0].size;
	assert.equal(v.response(listFiles, 200, noSize).length, 1);
	assert.match(v.response(listFiles, 201, ok)[0], /not documented/);
	assert.deepEqual(v.response(listFiles, 404, { detail: 'x' }), [], 'errors are not checked');
});
