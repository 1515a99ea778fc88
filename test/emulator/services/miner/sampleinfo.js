// @ts-check
// Pipeline-ready sample manifest (docs/flow-api.md §9.2 INFERRED shape). Pure.
import { fileType, gsUri } from './files.js';

/**
 * @param {{sample: any, subject: any, bucket: string, files: string[], now: string}} input
 *   files: bucket-relative object paths under samples/{slug}/uploads/
 */
export function buildSampleInfo({ sample, subject, bucket, files, now }) {
	return {
		sample_id: sample.id,
		sample_name: sample.display_id,
		sample_type: sample.sample_type ?? null,
		tissue: sample.tissue ?? null,
		barcode: sample.barcode ?? null,
		collection_date: sample.collection_date ?? null,
		external_id: sample.external_id ?? null,
		status: sample.status ?? null,
		subject: subject
			? {
					// properties first so the named columns win on a key clash
					...(subject.properties ?? {}),
					subject_id: subject.id,
					subject_name: subject.display_id,
					sex: subject.sex ?? null,
					date_of_birth: subject.date_of_birth ?? null,
					external_id: subject.external_id ?? null,
					diagnosis: subject.diagnosis ?? null,
				}
			: null,
		properties: { ...(sample.properties ?? {}) },
		files: [...files].sort().map((path) => ({ path, uri: gsUri(bucket, path), type: fileType(path) })),
		generated_at: now,
	};
}
