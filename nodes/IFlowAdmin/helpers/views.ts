import { recordView } from '../../shared/helpers';

export const ORGANIZATION_VIEW = recordView(['id', 'name', 'slug', 'role']);

/** A project: what picks it (ID, name, slug), your role, its organization and bucket. */
export const PROJECT_VIEW = recordView(['id', 'name', 'slug', 'role', 'org_id', 'org_name', 'bucket_name']);
