export { IncidentLibrary } from './IncidentLibrary';
export { IncidentFormDialog, type EditConsequence, type ReviewIncidentEdit } from './IncidentFormDialog';
export { useDeleteIncident } from './use-delete-incident';
