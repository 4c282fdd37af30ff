export { ExportBundleDialog } from './ExportBundleDialog';
export { ImportBundleDialog, isBundleFile } from './ImportBundleDialog';
