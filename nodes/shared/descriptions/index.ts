export { recordLocator, UUID_PATTERN, withArticle } from './locators';
export { returnAllOrLimit } from './pagination';
export { projectLocator } from './project';
export { pickFields, simplifyField } from './simplify';
