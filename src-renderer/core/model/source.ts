export const SOURCE_FORMATS = [
  'slack-export',
  'pagerduty',
  'statuspage',
  'alertmanager',
  'csv-timeline',
  'chat-log',
  'transcript',
  'opsgenie',
  'mattermost',
  'discord',
  'teams',
  'github-deployments',
  'kubernetes-events',
  'slackdump',
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
  'chat-log': 'Chat log (text)',
  transcript: 'Call transcript',
  opsgenie: 'Opsgenie alert log',
  mattermost: 'Mattermost export',
  discord: 'Discord export',
  teams: 'Microsoft Teams messages',
  'github-deployments': 'GitHub deployments',
  'kubernetes-events': 'Kubernetes / Argo CD events',
  slackdump: 'slackdump',
  manual: 'Manual',
};

/** The short name on each timeline row's source badge. */
export const SOURCE_FORMAT_BADGE: Record<SourceFormat, string> = {
  'slack-export': 'Slack',
  pagerduty: 'PagerDuty',
  statuspage: 'Statuspage',
  alertmanager: 'Alertmanager',
  'csv-timeline': 'CSV',
  'chat-log': 'Chat',
  transcript: 'Call',
  opsgenie: 'Opsgenie',
  mattermost: 'Mattermost',
  discord: 'Discord',
  teams: 'Teams',
  'github-deployments': 'GitHub',
  'kubernetes-events': 'Kubernetes',
  slackdump: 'Slack',
  manual: 'Manual',
};

/**
 * One import of one file (or folder) into an incident. `state` makes imports all-or-nothing:
 * events are written in blocks while the source is 'staging' and become visible only once it is
 * 'committed' (one small write, whatever the import's size). A source being removed is
 * 'discarding' (invisible) until its blocks are gone, so removal can run in small steps and
 * resume after a crash; staging left behind by a crash is discarded in the background.
 */
export const SOURCE_STATES = ['staging', 'committed', 'discarding'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

export interface Source {
  id: string;
  incidentId: string;
  fileName: string;
  size: number;
  sha256: string;
  format: SourceFormat;
  state: SourceState;
  counts: { added: number; duplicates: number; skipped: number; warnings: number };
  /** Event blocks written; a commit checks they are all there. */
  blockCount: number;
  /**
   * Events per author: the author's alias (`sourceFormat:externalId`), or `id:<personId>` for
   * events kept from before aliases. People screens count events from these, not from events.
   */
  actorCounts: Record<string, number>;
  warnings: string[];
  importedAt: number;
}
