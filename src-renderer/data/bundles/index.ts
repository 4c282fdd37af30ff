/** Incident bundles (`.debrief`): one incident exported to a file, and imported or merged back. */
export { exportIncidentBundle, importBundleFile, type ExportOptions, type ExportedBundle } from './bundle-files';
export { applyBundleImport, planBundleImport, type BundleImportPlan, type BundleImportResult } from './bundle-import';
export { readBundleArchive, type BundleProgress, type ReadBundle } from './bundle-archive';
