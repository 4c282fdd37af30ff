import type { ActionItem, Priority } from '@core/model/action-item';
import type { Person } from '@core/model/person';
import type { HandoffItem } from '@core/action-items/handoff-item';
import { jiraCsv } from '@core/action-items/jira-csv';
import { linearCsv } from '@core/action-items/linear-csv';
import { githubIssuesJson } from '@core/action-items/github-issues';
import { actionItemsIcal } from '@core/action-items/ical';

export const HANDOFF_FORMATS = ['jira', 'linear', 'github', 'ical'] as const;
export type HandoffFormat = (typeof HANDOFF_FORMATS)[number];

export const HANDOFF_LABEL: Readonly<Record<HandoffFormat, string>> = {
  jira: 'Jira CSV',
  linear: 'Linear CSV',
  github: 'GitHub issues JSON',
  ical: 'Calendar of due dates (.ics)',
};

export interface HandoffFile {
  data: string;
  suggestedName: string;
  mimeType: string;
  filter: { name: string; extensions: string[] };
}

export function toHandoffItems(
  items: readonly ActionItem[],
  incidentTitle: (incidentId: string) => string,
  people: ReadonlyMap<string, Pick<Person, 'email'>>,
): HandoffItem[] {
  return items.map((item) => ({
    item,
    incidentTitle: incidentTitle(item.incidentId),
    ownerEmail: item.ownerId === null ? null : (people.get(item.ownerId)?.email ?? null),
  }));
}

/** A file name safe on every desktop: letters, digits and dashes from the scope's name. */
export function fileStem(scope: string): string {
  const stem = scope
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60);
  return stem || 'action-items';
}

export function handoffFile(
  format: HandoffFormat,
  items: readonly HandoffItem[],
  options: { timeZone: string; now?: number; scope: string; priorityLabels: Readonly<Record<Priority, string>> },
): HandoffFile {
  const stem = `${fileStem(options.scope)}-action-items`;
  const common = { timeZone: options.timeZone, extraLabels: ['postmortem'] };
  switch (format) {
    case 'jira':
      return { data: jiraCsv(items, common), suggestedName: `${stem}-jira.csv`, mimeType: 'text/csv', filter: { name: 'CSV', extensions: ['csv'] } };
    case 'linear':
      return { data: linearCsv(items, common), suggestedName: `${stem}-linear.csv`, mimeType: 'text/csv', filter: { name: 'CSV', extensions: ['csv'] } };
    case 'github':
      return {
        data: githubIssuesJson(items, { ...common, priorityLabels: options.priorityLabels }),
        suggestedName: `${stem}-github-issues.json`,
        mimeType: 'application/json',
        filter: { name: 'JSON', extensions: ['json'] },
      };
    case 'ical':
      return {
        data: actionItemsIcal(items, { ...common, now: options.now ?? Date.now() }),
        suggestedName: `${stem}-due-dates.ics`,
        mimeType: 'text/calendar',
        filter: { name: 'iCalendar', extensions: ['ics'] },
      };
  }
}
