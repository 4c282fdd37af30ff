export { IncidentLibrary } from './IncidentLibrary';
export { IncidentFormDialog } from './IncidentFormDialog';
export { useIncident } from './use-incidents';
export { useDeleteIncident } from './use-delete-incident';
