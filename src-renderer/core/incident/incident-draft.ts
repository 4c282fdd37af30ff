import { INCIDENT_STATUSES, ROLE_NAMES, type IncidentDraft } from '../model/incident';
import { SEVERITIES } from '../model/severity';
import { isValidTimeZone } from '../time/zones';

export interface DraftProblem {
  field: keyof IncidentDraft;
  message: string;
  /** Warnings are shown but do not block saving (timelines are often reconstructed late). */
  severity: 'error' | 'warning';
}

export function emptyDraft(timeZone: string, now: number): IncidentDraft {
  return {
    title: '',
    severity: 'SEV3',
    status: 'active',
    startedAt: now,
    detectedAt: null,
    resolvedAt: null,
    reviewAt: null,
    timeZone,
    services: [],
    commander: '',
    roles: [],
    summary: '',
  };
}

const isTime = (t: number | null) => t === null || Number.isFinite(t);

/** Checks a draft before saving; every problem names its field. */
export function checkDraft(draft: IncidentDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const error = (field: keyof IncidentDraft, message: string) => problems.push({ field, message, severity: 'error' });
  const warn = (field: keyof IncidentDraft, message: string) => problems.push({ field, message, severity: 'warning' });

  if (draft.title.trim() === '') error('title', 'Give the incident a title.');
  if (draft.title.length > 300) error('title', 'Keep the title under 300 characters.');
  if (!SEVERITIES.includes(draft.severity)) error('severity', 'Pick a severity from SEV1 to SEV4.');
  if (!INCIDENT_STATUSES.includes(draft.status)) error('status', 'Pick a status.');
  if (!isValidTimeZone(draft.timeZone)) error('timeZone', `“${draft.timeZone}” is not a time zone name such as Europe/Berlin.`);
  // Typed times are read in the zone, so they can only be judged once the zone is valid.
  if (isValidTimeZone(draft.timeZone)) {
    for (const field of ['startedAt', 'detectedAt', 'resolvedAt', 'reviewAt'] as const) {
      if (!isTime(draft[field])) error(field, 'Enter a date and time, or leave it empty.');
    }
  }
  for (const role of draft.roles) {
    if (!ROLE_NAMES.includes(role.role)) error('roles', `Unknown role “${role.role}”.`);
  }
  const { startedAt, detectedAt, resolvedAt } = draft;
  if (startedAt !== null && detectedAt !== null && detectedAt < startedAt) {
    warn('detectedAt', 'Detected before it started: check the times.');
  }
  if (startedAt !== null && resolvedAt !== null && resolvedAt < startedAt) {
    warn('resolvedAt', 'Resolved before it started: check the times.');
  }
  if ((draft.status === 'resolved' || draft.status === 'closed') && resolvedAt === null) {
    warn('resolvedAt', 'A resolved incident usually has a resolution time.');
  }
  return problems;
}

/** Services typed as "checkout, payments-api" → unique, trimmed names in the order typed. */
export function parseServices(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,\n]/)) {
    const name = part.trim();
    if (name) seen.add(name);
  }
  return [...seen];
}
