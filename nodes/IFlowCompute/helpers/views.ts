import { recordView } from '../../shared/helpers';

/** One output of a run (Get Outputs, Get Output by Name, the outputs of a waited-for run). */
export const RUN_OUTPUT_VIEW = recordView([
	'run_id',
	'run_name',
	'order_id',
	'name',
	'display_name',
	'type',
	'path',
	'bucket_path',
	'download_url',
	'download_url_expires_at',
]);

/** A run without its inputs (`params`, often large), engine details or callback; outputs when waited for. */
export const RUN_VIEW = recordView(
	[
		'id',
		'name',
		'status',
		'pipeline_id',
		'pipeline_slug',
		'pipeline_version',
		'order_id',
		'error_message',
		'output_path',
		'tags',
		'created_at',
		'started_at',
		'finished_at',
		'outputs',
		'outputs_message',
	],
	{ nested: { outputs: RUN_OUTPUT_VIEW } },
);

/** A pipeline version without its free-form properties, container and source details. */
export const PIPELINE_VIEW = recordView([
	'id',
	'name',
	'slug',
	'version',
	'is_active',
	'description',
	'execution_mode',
	'scope',
	'tags',
	'created_at',
]);
