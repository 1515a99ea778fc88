import { recordView } from '../../shared/helpers';

/** A report record without its content: status, its order, who approved and signed it, the PDF. */
export const REPORT_VIEW = recordView([
	'id',
	'title',
	'status',
	'order_id',
	'order_display_id',
	'mode',
	'approved_by',
	'approved_at',
	'signed_by',
	'signed_at',
	'signed_pdf_path',
	'created_at',
	'updated_at',
]);
