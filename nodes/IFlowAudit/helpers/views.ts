import { recordView } from '../../shared/helpers';

/** Who changed what, where and when: the event without network details (IP) or others the server adds. */
export const EVENT_VIEW = recordView([
	'id',
	'action',
	'entity_type',
	'entity_id',
	'occurred_at',
	'actor_email',
	'actor_id',
	'changes',
	'project_id',
]);
