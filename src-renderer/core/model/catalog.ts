/**
 * The structured learning fields of one incident (the "catalog"), filled in during the review
 * and written into the postmortem's front matter. Words are free text so a team can use its own
 * list; the shipped lists below are what the pickers suggest first.
 */
export interface IncidentCatalog {
  failureDomains: string[];
  /** What set the incident off; '' while not decided. */
  trigger: string;
  /** Short tags, usually taken from annotations tagged "contributing factor". */
  contributingFactors: string[];
  detectionMethod: string;
  resolution: string;
  lessons: CatalogLessons;
  /**
   * Minutes customers were affected when the team sets it by hand; null means "as the
   * milestones say" (start → Mitigate / Under Control).
   */
  customerImpactMinutes: number | null;
}

export interface CatalogLessons {
  wentWell: string[];
  wentPoorly: string[];
  lucky: string[];
}

export const FAILURE_DOMAINS = ['edge', 'WebSocket layer', 'application services', 'data layer', 'external dependencies'] as const;
export const TRIGGERS = ['deploy', 'config', 'capacity', 'dependency', 'hardware', 'traffic', 'certificate expiry', 'unknown'] as const;
export const DETECTION_METHODS = ['alert', 'customer', 'deploy dashboard', 'engineer'] as const;
export const RESOLUTIONS = ['rollback', 'hotfix', 'failover', 'scale', 'config change', 'restart', 'dependency recovered'] as const;

export function emptyCatalog(): IncidentCatalog {
  return {
    failureDomains: [],
    trigger: '',
    contributingFactors: [],
    detectionMethod: '',
    resolution: '',
    lessons: { wentWell: [], wentPoorly: [], lucky: [] },
    customerImpactMinutes: null,
  };
}
