export { matchesFilter, searchProjects } from './listSearch';
