import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filtersCollection, projectField, recordLocator, returnAllOrLimit } from '../../../shared/descriptions';
import { readPaging, requireId } from '../../../shared/helpers';
import { itemProject } from '../../../shared/project';
import { flowRequestAll, requireQueryParametersOffered, requireRouteOffered } from '../../../shared/transport';
import { orderField } from '../orderField';
import { VARIANTS_INSTEAD, VCF_ROUTES } from '../vcfApi';

const properties: INodeProperties[] = [
	projectField(),
	{
		displayName: 'Variants Of',
		name: 'source',
		type: 'options',
		default: 'order',
		options: [
			{ name: 'Order', value: 'order', description: 'Every sample on the order (from its variant cache)' },
			{ name: 'Sample', value: 'sample', description: 'One sample' },
		],
	},
	orderField('The order whose variants to get', { show: { source: ['order'] } }),
	{
		...recordLocator('sample', 'Sample', 'searchSamples', 'The sample whose variants to get'),
		displayOptions: { show: { source: ['sample'] } },
	},
	...returnAllOrLimit(),
	filtersCollection([
		{
			displayName: 'Chromosome',
			name: 'chrom',
			type: 'string',
			default: '',
			placeholder: 'chr17',
			description: 'With or without the chr prefix (17 = chr17)',
		},
		{
			displayName: 'ClinVar Significance',
			name: 'clinvar',
			type: 'options',
			default: 'pathogenic',
			options: [
				{ name: 'Benign', value: 'benign' },
				{ name: 'Likely Benign', value: 'likely_benign' },
				{ name: 'Likely Pathogenic', value: 'likely_pathogenic' },
				{ name: 'Pathogenic', value: 'pathogenic' },
				{ name: 'Uncertain Significance', value: 'uncertain_significance' },
			],
		},
		{
			displayName: 'Consequence',
			name: 'consequence',
			type: 'string',
			default: '',
			placeholder: 'missense_variant',
			description: 'Sequence Ontology term',
		},
		{
			displayName: 'End Position',
			name: 'end',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1 },
			description: 'Last position of the region (inclusive); needs Chromosome',
		},
		{
			displayName: 'FILTER Value',
			name: 'filter',
			type: 'string',
			default: 'PASS',
			description: 'VCF FILTER column, e.g. PASS',
		},
		{
			displayName: 'Gene',
			name: 'gene',
			type: 'string',
			default: '',
			placeholder: 'BRCA1',
			description: 'HGNC symbol (case-insensitive)',
		},
		{
			displayName: 'Minimum Quality',
			name: 'minQual',
			type: 'number',
			default: 30,
			typeOptions: { minValue: 0 },
			description: 'Only calls with QUAL at least this',
		},
		{
			displayName: 'Sample ID',
			name: 'sampleId',
			type: 'string',
			default: '',
			description: "Only this sample's calls (order variants only)",
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			default: 'position',
			options: [
				{ name: 'Genomic Position', value: 'position' },
				{ name: 'Highest Quality First', value: 'qual_desc' },
			],
		},
		{
			displayName: 'Start Position',
			name: 'start',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1 },
			description: 'First position of the region (1-based, inclusive); needs Chromosome',
		},
	]),
];

const displayOptions = { show: { resource: ['variant'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface VariantFilters {
	chrom?: string;
	start?: number;
	end?: number;
	gene?: string;
	minQual?: number;
	filter?: string;
	consequence?: string;
	clinvar?: string;
	sampleId?: string;
	sort?: string;
}

/** Query parameters from the filters, checked before any request. */
function variantQuery(ctx: IExecuteFunctions, filters: VariantFilters, source: string, itemIndex: number): IDataObject {
	const fail = (message: string) => new NodeOperationError(ctx.getNode(), message, { itemIndex });
	const qs: IDataObject = {};
	const chrom = filters.chrom?.trim();
	if (chrom) qs.chrom = chrom;
	for (const [key, label] of [
		['start', 'Start Position'],
		['end', 'End Position'],
	] as const) {
		const value = filters[key];
		if (value === undefined) continue;
		if (!Number.isInteger(value) || value < 1) throw fail(`'${label}' must be a whole number from 1, got ${value}`);
		if (!chrom) throw fail(`'${label}' needs 'Chromosome': a region is a chromosome and positions on it`);
		qs[key] = value;
	}
	if (filters.start !== undefined && filters.end !== undefined && filters.start > filters.end) {
		throw fail(`'Start Position' (${filters.start}) is after 'End Position' (${filters.end})`);
	}
	if (filters.minQual !== undefined) {
		if (!Number.isFinite(filters.minQual) || filters.minQual < 0) throw fail("'Minimum Quality' must be 0 or more");
		qs.min_qual = filters.minQual;
	}
	if (filters.gene?.trim()) qs.gene = filters.gene.trim();
	if (filters.filter?.trim()) qs.filter = filters.filter.trim();
	if (filters.consequence?.trim()) qs.consequence = filters.consequence.trim();
	if (filters.clinvar) qs.clinvar = filters.clinvar;
	if (filters.sort) qs.sort = filters.sort;
	if (filters.sampleId?.trim()) {
		if (source !== 'order') throw fail("'Sample ID' filters order variants only; pick the sample itself instead");
		qs.sample_id = filters.sampleId.trim();
	}
	return qs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const source = this.getNodeParameter('source', itemIndex, 'order') as string;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as VariantFilters;
	const qs = variantQuery(this, filters, source, itemIndex);
	const id =
		source === 'sample'
			? requireId(this, 'sample', 'Sample', itemIndex, { uuid: false })
			: requireId(this, 'order', 'Order', itemIndex);
	const { returnAll, limit } = readPaging(this, itemIndex);
	const path = `/${source === 'sample' ? 'samples' : 'orders'}/${encodeURIComponent(id)}/variants`;
	const call = { ...(source === 'sample' ? VCF_ROUTES.sampleVariants : VCF_ROUTES.orderVariants), itemIndex };
	await requireRouteOffered(this, call, VARIANTS_INSTEAD);
	// A listed route without one of the filters would answer unfiltered: refuse instead.
	await requireQueryParametersOffered(this, call, Object.keys(qs), VARIANTS_INSTEAD);
	return await flowRequestAll.call(this, {
		service: 'vcf',
		path,
		qs,
		project: 'required',
		projectId: itemProject(this, itemIndex),
		beyondReference: { instead: VARIANTS_INSTEAD },
		returnAll,
		limit,
		pageSize: 1000,
		itemIndex,
	});
}
