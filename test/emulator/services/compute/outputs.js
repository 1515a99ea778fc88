// @ts-check
/** Real output objects a succeeded run leaves in the project bucket (`analyses/<run slug>/`). */
import { gzipSync } from 'node:zlib';
import { declaredOutputs } from './pipelines.js';

/** `run-9e4b1c7a` — the folder name under analyses/ (reference example). @param {any} run */
export const runSlug = (run) => `run-${String(run.id).slice(0, 8)}`;

/** @param {any} run */
function vcfText(run) {
	const sample = String(run.params?.case_id ?? run.params?.sample_id ?? 'SAMPLE1');
	return [
		'##fileformat=VCFv4.2',
		'##source=flow-emulator',
		'##contig=<ID=chr17,length=83257441>',
		'##INFO=<ID=GENE,Number=1,Type=String,Description="Gene symbol">',
		'##INFO=<ID=CLNSIG,Number=1,Type=String,Description="ClinVar significance">',
		'##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
		`#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${sample}`,
		'chr17\t43057051\trs80357906\tG\tA\t812\tPASS\tGENE=BRCA1;CLNSIG=Pathogenic\tGT\t0/1',
		'chr17\t43071077\trs1799966\tT\tC\t990\tPASS\tGENE=BRCA1;CLNSIG=Benign\tGT\t1/1',
		'',
	].join('\n');
}

/** Bytes and content type of one declared output. @param {any} run @param {any} out */
function content(run, out) {
	const f = String(out.file);
	if (f.endsWith('.vcf.gz')) return { data: gzipSync(vcfText(run)), type: 'application/gzip' };
	if (f.endsWith('.html')) return { data: `<!doctype html><html><body><h1>${out.display_name}</h1><p>Run ${run.name} (${run.id})</p></body></html>\n`, type: 'text/html' };
	if (f.endsWith('.tsv')) return { data: 'rank\tgene\tvariant\tclassification\n1\tBRCA1\tchr17:43057051G>A\tPathogenic\n', type: 'text/tab-separated-values' };
	if (f.endsWith('.json')) return { data: JSON.stringify({ run_id: run.id, mean_coverage: 182.4, pct_target_20x: 98.7 }, null, 2), type: 'application/json' };
	return { data: `${out.name} of run ${run.id}\n`, type: 'text/plain' };
}

/**
 * Write every declared output; returns the semantic outputs with `gs://` paths.
 * @param {any} emu @param {any} run @param {any} pipeline
 */
export async function writeOutputs(emu, run, pipeline) {
	const folder = `analyses/${runSlug(run)}/`;
	const outputs = [];
	for (const out of declaredOutputs(pipeline)) {
		const key = folder + out.file;
		if (out.type === 'File') {
			const { data, type } = content(run, out);
			await emu.projectFiles.write(run.project_id, key, data, type);
		}
		outputs.push({
			name: out.name,
			display_name: out.display_name ?? out.name,
			type: out.type ?? 'File',
			path: out.type === 'File' ? emu.projectFiles.uri(run.project_id, key) : null,
			description: out.description ?? null,
		});
	}
	return { folder, outputs };
}
