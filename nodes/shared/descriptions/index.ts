export { recordLocator, UUID_PATTERN, withArticle } from './locators';
export { filtersCollection, returnAllOrLimit } from './pagination';
export { projectField } from './project';
export { simplifyField, withSimplify, withSimplifyFields } from './simplify';
