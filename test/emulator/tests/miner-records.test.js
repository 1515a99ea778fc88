// Miner subjects and samples over real HTTP: CRUD, filters, paging, display_id rules, cascade.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEmulator, PROJECT_A, PROJECT_B, uniqueId } from './miner-http.js';

const { emu, call } = useEmulator();

const miner = (method, path, o) => call('miner', method, `/api/v1${path}`, o);

async function newSubject(extra = {}, o = {}) {
	const res = await miner('POST', '/subjects', { body: { display_id: uniqueId('SUB'), ...extra }, ...o });
	assert.equal(res.status, 201, JSON.stringify(res.body));
	return res.body;
}
async function newSample(subjectId, extra = {}) {
	const res = await miner('POST', '/samples', { body: { subject_id: subjectId, display_id: uniqueId('SAM'), ...extra } });
	assert.equal(res.status, 201, JSON.stringify(res.body));
	return res.body;
}

test('subject: create, get by id and by display_id, legacy name alias', async () => {
	const created = await newSubject({
		sex: 'female',
		date_of_birth: '1985-03-15',
		external_id: 'ACC-1',
		tags: ['hereditary'],
		properties: { first_name: 'Jane' },
	});
	assert.match(created.id, /^[0-9a-f-]{36}$/);
	assert.equal(created.name, created.display_id);
	assert.equal(created.project_id, PROJECT_A);
	assert.equal(created.sex, 'female');
	assert.deepEqual(created.properties, { first_name: 'Jane' });
	assert.ok(created.created_at.endsWith('Z'));

	const byId = await miner('GET', `/subjects/${created.id}`);
	assert.equal(byId.status, 200);
	assert.equal(byId.body.display_id, created.display_id);
	const byDisplay = await miner('GET', `/subjects/${encodeURIComponent(created.display_id)}`);
	assert.equal(byDisplay.body.id, created.id);

	const legacy = await miner('POST', '/subjects', { body: { name: uniqueId('LEG') } });
	assert.equal(legacy.status, 201);
	assert.equal(legacy.body.display_id, legacy.body.name);
});

test('subject: 409 duplicate display_id in a project, allowed in another project', async () => {
	const s = await newSubject();
	const dup = await miner('POST', '/subjects', { body: { display_id: s.display_id } });
	assert.equal(dup.status, 409);
	assert.match(dup.body.detail, /already exists/);
	const other = await miner('POST', '/subjects', { body: { display_id: s.display_id }, project: PROJECT_B });
	assert.equal(other.status, 201);
});

test('subject: 422 on bad input, 404 unknown, 404 from another project', async () => {
	const missing = await miner('POST', '/subjects', { body: { sex: 'female' } });
	assert.equal(missing.status, 422);
	const badSex = await miner('POST', '/subjects', { body: { display_id: uniqueId('S'), sex: 'yes' } });
	assert.equal(badSex.status, 422);
	assert.deepEqual(badSex.body.detail[0].loc, ['body', 'sex']);
	assert.equal((await miner('GET', '/subjects/00000000-0000-4000-8000-000000000000')).status, 404);
	const s = await newSubject();
	assert.equal((await miner('GET', `/subjects/${s.id}`, { project: PROJECT_B })).status, 404);
});

test('subject: PATCH is partial and merges properties key by key', async () => {
	const s = await newSubject({ diagnosis: 'x', properties: { a: 1, b: 2 } });
	const res = await miner('PATCH', `/subjects/${s.id}`, { body: { properties: { b: 3, c: 4 }, clinical_notes: 'n' } });
	assert.equal(res.status, 200);
	assert.deepEqual(res.body.properties, { a: 1, b: 3, c: 4 });
	assert.equal(res.body.diagnosis, 'x');
	assert.equal(res.body.clinical_notes, 'n');
	const other = await newSubject();
	const clash = await miner('PATCH', `/subjects/${s.id}`, { body: { display_id: other.display_id } });
	assert.equal(clash.status, 409);
	const renamed = await miner('PATCH', `/subjects/${s.id}`, { body: { display_id: uniqueId('REN') } });
	assert.equal(renamed.status, 200);
	assert.equal(renamed.body.name, renamed.body.display_id);
});

test('subject: list newest first, search, sex filter, limit/offset, X-Total-Count', async () => {
	const tag = uniqueId('LIST');
	const made = [];
	for (let i = 0; i < 5; i++) made.push(await newSubject({ display_id: `${tag}-${i}`, sex: i % 2 ? 'male' : 'female' }));
	const all = await miner('GET', '/subjects', { query: { search: tag.toLowerCase() } });
	assert.equal(all.status, 200);
	assert.deepEqual(
		all.body.map((s) => s.display_id),
		made.map((s) => s.display_id).reverse(),
	);
	assert.equal(all.headers.get('x-total-count'), '5');
	const page = await miner('GET', '/subjects', { query: { search: tag, limit: 2, offset: 1 } });
	assert.deepEqual(
		page.body.map((s) => s.display_id),
		[`${tag}-3`, `${tag}-2`],
	);
	const males = await miner('GET', '/subjects', { query: { search: tag, sex: 'male' } });
	assert.equal(males.body.length, 2);
	assert.equal((await miner('GET', '/subjects', { query: { limit: 1001 } })).status, 422);
});

test('subject: viewer reads but cannot write; editor writes', async () => {
	assert.equal((await miner('GET', '/subjects', { as: 'viewer' })).status, 200);
	assert.equal((await miner('POST', '/subjects', { as: 'viewer', body: { display_id: uniqueId('V') } })).status, 403);
	assert.equal((await miner('POST', '/subjects', { as: 'editor', body: { display_id: uniqueId('E') } })).status, 201);
	assert.equal((await miner('GET', '/subjects', { project: null })).status, 400);
	assert.equal((await miner('GET', '/subjects', { as: 'expired' })).status, 401);
});

test('sample: create, get, patch, list filters, 404 unknown subject', async () => {
	const subject = await newSubject();
	const sample = await newSample(subject.id, { sample_type: 'somatic', tissue: 'lung', properties: { specimen_type: 'FFPE' } });
	assert.equal(sample.status, 'registered');
	assert.equal(sample.name, sample.display_id);
	assert.equal(sample.subject_id, subject.id);
	assert.equal(sample.subject_display_id, subject.display_id);

	const byDisplay = await miner('GET', `/samples/${encodeURIComponent(sample.display_id)}`);
	assert.equal(byDisplay.body.id, sample.id);
	const patched = await miner('PATCH', `/samples/${sample.id}`, { body: { properties: { specimen_id: 'SP-1' }, barcode: 'BC1' } });
	assert.deepEqual(patched.body.properties, { specimen_type: 'FFPE', specimen_id: 'SP-1' });
	assert.equal(patched.body.barcode, 'BC1');

	await newSample(subject.id, { sample_type: 'germline' });
	const bySubject = await miner('GET', '/samples', { query: { subject_id: subject.id } });
	assert.equal(bySubject.body.length, 2);
	assert.equal(bySubject.headers.get('x-total-count'), '2');
	const somatic = await miner('GET', '/samples', { query: { subject_id: subject.id, sample_type: 'somatic' } });
	assert.deepEqual(
		somatic.body.map((s) => s.id),
		[sample.id],
	);

	const unknown = await miner('POST', '/samples', {
		body: { subject_id: '00000000-0000-4000-8000-000000000000', display_id: uniqueId('X') },
	});
	assert.equal(unknown.status, 404);
	assert.equal(unknown.body.detail, 'Subject not found');
	const notUuid = await miner('POST', '/samples', { body: { subject_id: 'nope', display_id: uniqueId('X') } });
	assert.equal(notUuid.status, 422);
	const dup = await miner('POST', '/samples', { body: { subject_id: subject.id, display_id: sample.display_id } });
	assert.equal(dup.status, 409);
});

test('sample: delete 204, 409 while linked to a live order, allowed once the order is cancelled', async () => {
	const subject = await newSubject();
	const free = await newSample(subject.id);
	assert.equal((await miner('DELETE', `/samples/${free.id}`)).status, 204);
	assert.equal((await miner('GET', `/samples/${free.id}`)).status, 404);

	const linked = await newSample(subject.id);
	const order = await miner('POST', '/orders', { body: { display_id: uniqueId('ORD'), samples: [{ sample_id: linked.id }] } });
	assert.equal(order.status, 201);
	const blocked = await miner('DELETE', `/samples/${linked.id}`);
	assert.equal(blocked.status, 409);
	assert.match(blocked.body.detail, /linked to order/);
	await miner('POST', `/orders/${order.body.id}/transition`, { body: { status: 'cancelled' } });
	assert.equal((await miner('DELETE', `/samples/${linked.id}`)).status, 204);
});

test('subject delete cascades to its samples; 409 while a sample is on a live order', async () => {
	const subject = await newSubject();
	const s1 = await newSample(subject.id);
	const s2 = await newSample(subject.id);
	const order = await miner('POST', '/orders', { body: { display_id: uniqueId('ORD'), samples: [{ sample_id: s2.id }] } });
	const blocked = await miner('DELETE', `/subjects/${subject.id}`);
	assert.equal(blocked.status, 409);
	assert.equal((await miner('GET', `/samples/${s1.id}`)).status, 200, 'nothing deleted on 409');

	await miner('POST', `/orders/${order.body.id}/transition`, { body: { status: 'cancelled' } });
	assert.equal((await miner('DELETE', `/subjects/${subject.id}`)).status, 204);
	assert.equal((await miner('GET', `/subjects/${subject.id}`)).status, 404);
	assert.equal((await miner('GET', `/samples/${s1.id}`)).status, 404);
	assert.equal((await miner('GET', `/samples/${s2.id}`)).status, 404);
	const links = await miner('GET', `/orders/${order.body.id}/samples`);
	assert.deepEqual(links.body, []);
});

test('every write is audited', async () => {
	const subject = await newSubject();
	await miner('PATCH', `/subjects/${subject.id}`, { body: { diagnosis: 'd' } });
	await miner('DELETE', `/subjects/${subject.id}`);
	const events = await call('audit', 'GET', '/api/v1/events', { query: { entity_id: subject.id } });
	assert.equal(events.status, 200);
	assert.deepEqual(events.body.map((e) => e.action).sort(), ['subject.create', 'subject.delete', 'subject.update']);
});
