export { pipelineModes, recordLocator, UUID_PATTERN, withArticle } from './locators';
export { filtersCollection, optionsCollection } from './collections';
export { returnAllOrLimit } from './pagination';
export { projectField } from './project';
export { simplifyField, withSimplify, withSimplifyFields } from './simplify';
