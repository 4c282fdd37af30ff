import type { IncidentCatalog } from './catalog';
import type { Severity } from './severity';

export const INCIDENT_STATUSES = ['active', 'resolved', 'in-review', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = {
  active: 'Active',
  resolved: 'Resolved',
  'in-review': 'In review',
  closed: 'Closed',
};

export const ROLE_NAMES = [
  'Incident Commander',
  'Scribe',
  'Subject-matter expert',
  'Customer experience',
  'Communications',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface RoleAssignment {
  role: RoleName;
  /** Free text so a role can be filled before that person appears in any import. */
  name: string;
}

/** Times are UTC epoch milliseconds; `timeZone` (IANA) is how they are shown. */
export interface Incident {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  startedAt: number | null;
  detectedAt: number | null;
  resolvedAt: number | null;
  /** Date of the review meeting; action-item SLAs may count from it. */
  reviewAt: number | null;
  timeZone: string;
  services: string[];
  commander: string;
  roles: RoleAssignment[];
  summary: string;
  /** Learning fields from the review; absent on incidents never catalogued. */
  catalog?: IncidentCatalog;
  createdAt: number;
  updatedAt: number;
  /** Set while a delete can still be undone; such incidents are hidden everywhere. */
  deletedAt: number | null;
}

export type IncidentDraft = Omit<Incident, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;
