/** Incidents: the record, its writes, soft delete with undo, and the cascade that removes one for good. */
export { createIncident, patchIncident, updateIncident, softDeleteIncident, undoDeleteIncident, purgeIncident } from './incident-writes';
export { deleteIncidentCascade, purgeDeletedIncidents } from './cascade';
export { useAllIncidents, useIncident, getIncident } from './use-incidents';
export { IncidentError } from './incident-error';
