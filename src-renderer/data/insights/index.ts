/** Reads and writes of the catalog and the cross-incident views (Insights, reports). */
export { saveCatalog, readCatalogRows, useCatalogRows, useIncidentAnnotations, useIncidentMilestones, useTeamVocabulary, saveTeamVocabulary } from './catalog-store';
export { InsightsError, type InsightsErrorCode } from './insights-error';
export { useInsightsData, type InsightsData } from './use-insights-data';
export { deployNearDetection, hasDeployBeforeDetection } from './deploy-scan';
