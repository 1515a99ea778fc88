/**
 * The Simplify mechanism: views, and the field each node's table adds to its operations (where it
 * sits, and its default in every node version, read the way n8n reads defaults).
 */
import { NodeHelpers } from 'n8n-workflow';
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { SIMPLIFY as ADMIN } from '../../../nodes/IFlowAdmin/actions/simplify';
import { IFlowAdmin } from '../../../nodes/IFlowAdmin/IFlowAdmin.node';
import { SIMPLIFY as AUDIT } from '../../../nodes/IFlowAudit/actions/simplify';
import { IFlowAudit } from '../../../nodes/IFlowAudit/IFlowAudit.node';
import { SIMPLIFY as COMPUTE } from '../../../nodes/IFlowCompute/actions/simplify';
import { IFlowCompute } from '../../../nodes/IFlowCompute/IFlowCompute.node';
import { SIMPLIFY as FILES } from '../../../nodes/IFlowFiles/actions/simplify';
import { IFlowFiles } from '../../../nodes/IFlowFiles/IFlowFiles.node';
import { SIMPLIFY as MINER } from '../../../nodes/IFlowMiner/actions/simplify';
import { IFlowMiner } from '../../../nodes/IFlowMiner/IFlowMiner.node';
import { SIMPLIFY as REPORT } from '../../../nodes/IFlowReport/actions/simplify';
import { IFlowReport } from '../../../nodes/IFlowReport/IFlowReport.node';
import { SIMPLIFY as VCF } from '../../../nodes/IFlowVcf/actions/simplify';
import { IFlowVcf } from '../../../nodes/IFlowVcf/IFlowVcf.node';
import { recordView, simplifyResult, withFields } from '../../../nodes/shared/helpers';
import type { SimplifyTable } from '../../../nodes/shared/helpers';

describe('record views', () => {
	const view = recordView(['id', 'name', 'status', 'items'], {
		normalize: (record) => ({ ...record, name: record.name ?? record.title }),
		nested: { items: recordView(['id']) },
	});

	test('the listed fields in their order, absent ones left out, nested records simplified', () => {
		const simplified = view({ status: 'ok', extra: 1, title: 'T', id: '1', items: [{ id: 'a', x: 1 }, 'plain'] });
		expect(simplified).toEqual({ id: '1', name: 'T', status: 'ok', items: [{ id: 'a' }, 'plain'] });
		expect(Object.keys(simplified)).toEqual(['id', 'name', 'status', 'items']);
		expect(view({ id: '2', status: null })).toEqual({ id: '2', status: null });
	});

	test('withFields keeps what an operation adds, after the view', () => {
		expect(withFields(view, ['alreadyInStatus'])({ alreadyInStatus: true, id: '1', big: 'x' })).toEqual({
			id: '1',
			alreadyInStatus: true,
		});
	});

	test('one record, a list, or output items (json simplified, binary kept); anything else as it is', () => {
		const binary = { data: { data: '', mimeType: 'text/plain' } };
		expect(simplifyResult({ id: '1', big: 2 }, view)).toEqual({ id: '1' });
		expect(simplifyResult([{ id: '1', big: 2 }, 'x'], view)).toEqual([{ id: '1' }, 'x']);
		expect(simplifyResult({ json: { id: '1', big: 2 }, binary }, view)).toEqual({ json: { id: '1' }, binary });
	});
});

const NODES: Array<[string, INodeType, SimplifyTable]> = [
	['iFlow Admin', new IFlowAdmin(), ADMIN],
	['iFlow Audit', new IFlowAudit(), AUDIT],
	['iFlow Compute', new IFlowCompute(), COMPUTE],
	['iFlow Files', new IFlowFiles(), FILES],
	['iFlow Miner', new IFlowMiner(), MINER],
	['iFlow Report', new IFlowReport(), REPORT],
	['iFlow VCF', new IFlowVcf(), VCF],
];

const shownFor = (property: INodeProperties, resource: string, operation: string) =>
	Boolean(
		property.displayOptions?.show?.resource?.includes(resource) &&
			property.displayOptions?.show?.operation?.includes(operation),
	);

describe.each(NODES)('%s: the Simplify field', (_name, node, table) => {
	const { properties } = node.description;
	const versions = [node.description.version].flat();
	const entries = Object.entries(table).flatMap(([resource, ops]) =>
		Object.entries(ops).map(([operation, { onFrom }]) => ({ resource, operation, onFrom })),
	);

	test('every operation of the table exists, and the newest version is the default one', () => {
		for (const { resource, operation } of entries) {
			const selector = properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
			);
			expect((selector?.options as INodePropertyOptions[]).map((o) => o.value)).toContain(operation);
		}
		expect(node.description.defaultVersion ?? versions[versions.length - 1]).toBe(Math.max(...versions));
	});

	test('comes right after the fields of its operation', () => {
		for (const { resource, operation } of entries) {
			const own = properties
				.map((property, index) => ({ property, index }))
				.filter(({ property }) => shownFor(property, resource, operation));
			const simplify = own.filter(({ property }) => property.name === 'simplify');
			expect(simplify.length).toBeGreaterThan(0);
			expect(own.slice(-simplify.length)).toEqual(simplify);
		}
	});

	test.each(versions)('default in version %s: on from the version the table says, off before', (version) => {
		for (const { resource, operation, onFrom } of entries) {
			const values = NodeHelpers.getNodeParameters(
				properties,
				{ resource, operation },
				true,
				false,
				{ typeVersion: version },
				node.description,
			);
			expect([`${resource}.${operation}`, values?.simplify]).toEqual([`${resource}.${operation}`, version >= onFrom]);
		}
	});

	test('no other operation has one', () => {
		const listed = new Set(entries.map(({ resource, operation }) => `${resource}.${operation}`));
		for (const property of properties.filter((p) => p.name === 'simplify')) {
			const show = property.displayOptions?.show ?? {};
			for (const resource of show.resource ?? []) {
				for (const operation of show.operation ?? [])
					expect(listed).toContain(`${String(resource)}.${String(operation)}`);
			}
		}
	});
});
