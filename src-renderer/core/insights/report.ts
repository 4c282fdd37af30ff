import { escapeInline, escapeTableCell } from '../markdown/markdown-escape';
import { SEVERITIES } from '../model/severity';
import { formatMinutes, formatShare } from './format';
import type { InsightsView } from './insights-view';
import { monthLabel } from './months';
import { TREND_METRICS, TREND_METRIC_LABEL } from './trends';

/** A report as blocks, written once and rendered to Markdown here and to HTML (for PDF) by the page. */
export type ReportBlock =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'list'; items: string[] }
  | { type: 'chart'; chart: ReportChart; alt: string };

export const REPORT_CHARTS = ['incidents-per-month', 'time-to-mitigate'] as const;
export type ReportChart = (typeof REPORT_CHARTS)[number];

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The quarterly (or any period's) report. Everything comes from the view, which is computed
 * with `now` set to the end of the period, so the same period gives the same report.
 */
export function reportBlocks(view: InsightsView, period: { label: string; from: number; to: number }): ReportBlock[] {
  const counts = SEVERITIES.map((s) => view.rows.filter((r) => r.severity === s).length);
  const blocks: ReportBlock[] = [
    { type: 'heading', level: 1, text: `Incident report: ${period.label}` },
    { type: 'paragraph', text: `Period ${date(period.from)} to ${date(period.to)} (UTC). ${view.rows.length} incidents.` },
    { type: 'heading', level: 2, text: 'Key figures' },
    {
      type: 'table',
      header: ['Figure', 'Value'],
      rows: [
        ['Incidents', String(view.rows.length)],
        ...SEVERITIES.map((s, i) => [`${s} incidents`, String(counts[i])]),
        ...TREND_METRICS.map((m) => [`${TREND_METRIC_LABEL[m]}, median / p90`, `${formatMinutes(view.overall[m].median)} / ${formatMinutes(view.overall[m].p90)}`]),
        ['Deploy-related', `${formatShare(view.deploy.share)} (${view.deploy.ids.length})`],
        ['Repeat incidents', String(view.repeats.reduce((n, g) => n + g.ids.length - 1, 0))],
        ['Action items closed within SLA', `${formatShare(view.compliance.overall.rate)} (${view.compliance.overall.met} of ${view.compliance.overall.closed})`],
        ['Open action items', String(Object.values(view.open.byPriority).reduce((a, b) => a + b, 0))],
        ['Overdue action items', String(view.overdue.length)],
      ],
    },
    { type: 'heading', level: 2, text: 'Incidents per month by severity' },
    { type: 'chart', chart: 'incidents-per-month', alt: 'Incidents per month by severity' },
    { type: 'table', header: ['Month', ...SEVERITIES, 'Total'], rows: view.perMonth.map((p) => [monthLabel(p.month), ...SEVERITIES.map((s) => String(p.counts[s])), String(SEVERITIES.reduce((n, s) => n + p.counts[s], 0))]) },
    { type: 'heading', level: 2, text: 'Time to mitigate per month' },
    { type: 'chart', chart: 'time-to-mitigate', alt: 'Time to mitigate per month, median and p90' },
    { type: 'table', header: ['Month', 'Median', 'p90', 'Incidents'], rows: view.metrics.timeToMitigate.map((p) => [monthLabel(p.month), formatMinutes(p.median), formatMinutes(p.p90), String(p.ids.length)]) },
    { type: 'heading', level: 2, text: 'What fails most' },
    { type: 'table', header: ['Top services', 'Incidents'], rows: view.topServices.map((v) => [v.value, String(v.count)]) },
    { type: 'table', header: ['Top triggers', 'Incidents'], rows: view.topTriggers.map((v) => [v.value, String(v.count)]) },
    { type: 'table', header: ['Top contributing factors', 'Incidents'], rows: view.topFactors.map((v) => [v.value, String(v.count)]) },
    { type: 'heading', level: 2, text: 'Repeat incidents' },
    view.repeats.length ? { type: 'list', items: view.repeats.map((g) => `${g.service}, ${g.trigger}: ${g.ids.length} incidents`) } : { type: 'paragraph', text: 'No repeat incidents.' },
    { type: 'heading', level: 2, text: 'Action items' },
    { type: 'table', header: ['Priority', 'Open', 'Met SLA', 'Missed SLA'], rows: view.compliance.byPriority.map((r) => [r.key, String(view.open.byPriority[r.key as keyof typeof view.open.byPriority] ?? 0), String(r.met), String(r.missed)]) },
    { type: 'heading', level: 2, text: 'Incidents' },
    { type: 'table', header: ['Started', 'Severity', 'Title', 'Trigger', 'Time to mitigate'], rows: view.rows.map((r) => [date(r.startedAt), r.severity, r.title, r.catalog.trigger || '—', formatMinutes(r.timeToMitigate === null ? null : r.timeToMitigate / 60_000)]) },
  ];
  return blocks;
}

/** The report as Markdown; chart images are given as URLs (file names or data: URLs). */
export function reportMarkdown(blocks: readonly ReportBlock[], images: Record<ReportChart, string>): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'heading') out.push(`${'#'.repeat(b.level)} ${escapeInline(b.text)}`);
    else if (b.type === 'paragraph') out.push(escapeInline(b.text));
    else if (b.type === 'list') out.push(b.items.map((i) => `- ${escapeInline(i)}`).join('\n'));
    else if (b.type === 'chart') out.push(`![${escapeInline(b.alt)}](${images[b.chart]})`);
    else {
      const line = (cells: readonly string[]) => `| ${cells.map((c) => escapeTableCell(c) || ' ').join(' | ')} |`;
      out.push([line(b.header), `|${b.header.map(() => ' --- ').join('|')}|`, ...b.rows.map(line)].join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}
