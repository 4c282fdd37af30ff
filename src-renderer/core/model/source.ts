export const SOURCE_FORMATS = [
  'slack-export',
  'pagerduty',
  'statuspage',
  'alertmanager',
  'csv-timeline',
  'manual',
] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** What each format is called where there is room (import wizard, Sources, People). */
export const SOURCE_FORMAT_LABEL: Record<SourceFormat, string> = {
  'slack-export': 'Slack export',
  pagerduty: 'PagerDuty log',
  statuspage: 'Statuspage',
  alertmanager: 'Alertmanager',
  'csv-timeline': 'CSV timeline',
  manual: 'Manual',
};

/** The short name on each timeline row's source badge. */
export const SOURCE_FORMAT_BADGE: Record<SourceFormat, string> = {
  'slack-export': 'Slack',
  pagerduty: 'PagerDuty',
  statuspage: 'Statuspage',
  alertmanager: 'Alertmanager',
  'csv-timeline': 'CSV',
  manual: 'Manual',
};

/**
 * One import of one file (or folder) into an incident. `state` makes imports all-or-nothing:
 * events are written while the source is 'staging' and become visible only once it is
 * 'committed'; staging left behind by a crash is removed at start-up.
 */
export interface Source {
  id: string;
  incidentId: string;
  fileName: string;
  size: number;
  sha256: string;
  format: SourceFormat;
  state: 'staging' | 'committed';
  counts: { added: number; duplicates: number; skipped: number; warnings: number };
  warnings: string[];
  importedAt: number;
}
