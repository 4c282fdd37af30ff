export { CatalogEditor } from './CatalogEditor';
