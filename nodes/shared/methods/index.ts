export { getApiPaths, serviceOfNodeType } from './apiPaths';
export {
	matchesFilter,
	searchOrders,
	searchPipelines,
	searchProjects,
	searchSamples,
	searchSubjects,
} from './listSearch';
