export { CatalogEditor } from './CatalogEditor';
export { InsightsPage } from './InsightsPage';
