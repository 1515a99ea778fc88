export {
	matchesFilter,
	searchOrders,
	searchPipelines,
	searchProjects,
	searchSamples,
	searchSubjects,
} from './listSearch';
