// Admin service (docs/flow-api.md §6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, A, B, ORG } from './client.js';

let t;
before(async () => {
	t = await startEmulator();
});
after(() => t.emu.stop());

test('GET /orgs lists the caller’s organizations', async () => {
	const r = await t.call('admin', 'GET', '/api/v1/orgs');
	assert.equal(r.status, 200);
	assert.deepEqual(r.body.map((o) => [o.id, o.name, o.slug, o.role]), [[ORG, 'Baltic Genomics Lab', 'baltic-genomics-lab', 'admin']]);
});

test('GET /projects lists accessible projects with the confirmed fields; org_id filters', async () => {
	const admin = await t.call('admin', 'GET', '/api/v1/projects');
	assert.deepEqual(admin.body.map((p) => p.id).sort(), [A, B].sort());
	const a = admin.body.find((p) => p.id === A);
	assert.deepEqual(
		{ id: a.id, name: a.name, slug: a.slug, org_id: a.org_id, org_name: a.org_name, bucket_name: a.bucket_name },
		{ id: A, name: 'Hereditary Panel 2026', slug: 'hereditary-panel-2026', org_id: ORG, org_name: 'Baltic Genomics Lab', bucket_name: 'bgl-hereditary-2026' },
	);
	assert.ok(!('storage_credential' in a), 'no credential data in project views');
	const editor = await t.call('admin', 'GET', '/api/v1/projects', { as: 'editor' });
	assert.deepEqual(editor.body.map((p) => [p.id, p.role]), [[A, 'editor']]);
	assert.equal((await t.call('admin', 'GET', '/api/v1/projects', { query: { org_id: ORG } })).body.length, 2);
	assert.deepEqual((await t.call('admin', 'GET', '/api/v1/projects', { query: { org_id: '00000000-0000-4000-8000-000000000000' } })).body, []);
	assert.equal((await t.call('admin', 'GET', '/api/v1/projects', { query: { org_id: 'x' } })).status, 422);
});

test('GET /projects/{id} by id or slug; 404 when unknown or not visible', async () => {
	assert.equal((await t.call('admin', 'GET', `/api/v1/projects/${A}`)).body.slug, 'hereditary-panel-2026');
	assert.equal((await t.call('admin', 'GET', '/api/v1/projects/somatic-research')).body.id, B);
	const hidden = await t.call('admin', 'GET', `/api/v1/projects/${B}`, { as: 'editor' });
	assert.equal(hidden.status, 404);
	assert.deepEqual(hidden.body, { detail: 'Project not found' });
});

test('GET /projects/{id}/credentials: admins only, secrets masked unless include_secrets=true', async () => {
	const r = await t.call('admin', 'GET', `/api/v1/projects/${B}/credentials`);
	assert.equal(r.status, 200);
	assert.equal(r.body.backend, 's3');
	assert.equal(r.body.bucket_name, 'bgl-somatic-research');
	assert.equal(r.body.region, 'eu-central-1');
	assert.equal(r.body.secret_included, false);
	assert.deepEqual(r.body.secrets, { access_key_id: '****', secret_access_key: '****' });
	const full = await t.call('admin', 'GET', `/api/v1/projects/${B}/credentials`, { query: { include_secrets: true } });
	assert.equal(full.body.secret_included, true);
	assert.equal(full.body.secrets.access_key_id, 'AKIAEMULATED000001');
	const editor = await t.call('admin', 'GET', `/api/v1/projects/${A}/credentials`, { as: 'editor' });
	assert.equal(editor.status, 403);
	assert.equal((await t.call('admin', 'GET', `/api/v1/projects/${B}/credentials`, { as: 'editor' })).status, 404);
});

test('default context: seeded for admin, null fields when unset, PUT sets it', async () => {
	const admin = await t.call('admin', 'GET', '/api/v1/users/me/default-context');
	assert.deepEqual(admin.body, { org_id: ORG, org_name: 'Baltic Genomics Lab', project_id: A, project_name: 'Hereditary Panel 2026', bucket_name: 'bgl-hereditary-2026' });
	const viewer = await t.call('admin', 'GET', '/api/v1/users/me/default-context', { as: 'viewer' });
	assert.deepEqual(viewer.body, { org_id: null, org_name: null, project_id: null, project_name: null, bucket_name: null });
	const put = await t.call('admin', 'PUT', '/api/v1/users/me/default-context', { as: 'viewer', body: { project_id: A } });
	assert.equal(put.status, 200, 'a viewer may set their own default');
	assert.equal(put.body.project_id, A);
	assert.equal((await t.call('admin', 'GET', '/api/v1/users/me/default-context', { as: 'viewer' })).body.project_name, 'Hereditary Panel 2026');
	assert.equal((await t.call('admin', 'PUT', '/api/v1/users/me/default-context', { as: 'viewer', body: { project_id: B } })).status, 404);
	const bad = await t.call('admin', 'PUT', '/api/v1/users/me/default-context', { body: {} });
	assert.equal(bad.status, 422);
	assert.deepEqual(bad.body.detail[0].loc, ['body', 'project_id']);
	const events = await t.call('audit', 'GET', '/api/v1/events', { as: 'viewer', query: { action: 'default_context.update' } });
	assert.equal(events.body.length, 1);
});
