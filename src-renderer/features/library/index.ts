export { IncidentLibrary } from './IncidentLibrary';
export { IncidentFormDialog } from './IncidentFormDialog';
export { useDeleteIncident } from './use-delete-incident';
