export { IncidentImport } from './IncidentImport';
export { ImportWorkerClient, ImportRunError } from './import-client';
export type { PickedInput, PickedFile } from './picked-input';
export { groupPickedFiles } from './picked-input';
