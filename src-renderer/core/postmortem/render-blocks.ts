import { chatTextToMarkdown, chatTextToTableCell } from '../chat-text/chat-markdown';
import type { ActionKind, ActionStatus } from '../model/action-item';
import { STAGES, type Stage } from '../model/milestone';
import { escapeBlock, escapeInline, escapeTableCell, eventLink, markdownLink } from '../markdown/markdown-escape';
import type { BlockPlaceholder } from './placeholders';
import type { PostmortemContext, PostmortemEvent } from './postmortem-context';

const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  'wont-do': "Won't do",
};
const ACTION_KIND_LABEL: Record<ActionKind, string> = { mitigate: 'Mitigate', prevent: 'Prevent', detect: 'Detect', process: 'Process' };
export const BEFORE_DETECTION = 'Before detection';

function table(header: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const empty = (what: string) => `_${what}_`;

/** A list item whose continuation lines are indented so multi-line text stays inside the item. */
function listItem(markdown: string): string {
  return `- ${markdown.split('\n').join('\n  ')}`;
}

function eventLine(e: PostmortemEvent): string {
  const who = e.actor.trim() ? ` **${escapeInline(e.actor)}:**` : '';
  return `- ${eventLink(e.atText, e.id)} —${who} ${chatTextToMarkdown(e.text, e)}`.trimEnd();
}

function stageName(stage: Stage | null): string {
  return stage ?? BEFORE_DETECTION;
}

/** Without any stage milestones every event would read "Before detection", which is not true. */
const hasStages = (ctx: PostmortemContext) => ctx.timeline.some((e) => e.stage !== null);

function timelineByStage(ctx: PostmortemContext): string {
  if (ctx.timeline.length === 0) return empty('No timeline events.');
  if (!hasStages(ctx)) return ctx.timeline.map(eventLine).join('\n');
  const groups: string[] = [];
  for (const stage of [null, ...STAGES]) {
    const events = ctx.timeline.filter((e) => e.stage === stage);
    if (events.length === 0) continue;
    const inferred = ctx.inferredStages.find((s) => s.stage === stage);
    const note = inferred ? `_No ${inferred.stage} milestone recorded: these events follow ${inferred.from} (${escapeInline(inferred.atText)})._\n\n` : '';
    groups.push(`### ${stageName(stage)}\n\n${note}${events.map(eventLine).join('\n')}`);
  }
  return groups.join('\n\n');
}

function timelineTable(ctx: PostmortemContext): string {
  if (ctx.timeline.length === 0) return empty('No timeline events.');
  const staged = hasStages(ctx);
  return table(
    ['Time', 'Stage', 'Who', 'What'],
    ctx.timeline.map((e) => [eventLink(e.atText, e.id), staged ? stageName(e.stage) : '—', escapeTableCell(e.actor), chatTextToTableCell(e.text, e)]),
  );
}

function actionItemsTable(ctx: PostmortemContext): string {
  if (ctx.actionItems.length === 0) return empty('No action items yet.');
  return table(
    ['Priority', 'Action', 'Owner', 'Due', 'Status', 'Type'],
    ctx.actionItems.map((a) => [
      a.priority,
      a.trackerUrl.trim() ? markdownLink(a.title.replace(/\s+/g, ' '), a.trackerUrl) : escapeTableCell(a.title),
      a.ownerName.trim() ? escapeTableCell(a.ownerName) : 'Unassigned',
      escapeTableCell(a.dueText),
      ACTION_STATUS_LABEL[a.status],
      ACTION_KIND_LABEL[a.kind],
    ]),
  );
}

function metricsTable(ctx: PostmortemContext): string {
  return table(
    ['Metric', 'Value'],
    // Labels are the app's own constants, so they are written as they are.
    ctx.metrics.map((m) => [m.label, escapeTableCell(m.text)]),
  );
}

function milestoneList(ctx: PostmortemContext): string {
  if (ctx.milestones.length === 0) return empty('No milestones recorded.');
  return ctx.milestones
    .map((m) => {
      const time = m.eventId ? eventLink(m.atText, m.eventId) : escapeInline(m.atText);
      const note = m.note.trim() ? ` — ${escapeInline(m.note)}` : '';
      return `- **${escapeInline(m.label)}:** ${time}${note}`;
    })
    .join('\n');
}

function keyMoments(ctx: PostmortemContext): string {
  if (ctx.keyMoments.length === 0) return empty('No key moments pinned.');
  return ctx.keyMoments.map(eventLine).join('\n');
}

function annotationList(ctx: PostmortemContext, tag: keyof PostmortemContext['annotations']): string {
  const items = ctx.annotations[tag].filter((a) => a.text !== '');
  if (items.length === 0) return empty('None noted yet.');
  return items
    .map((a) => {
      const ref = a.eventId && a.eventAtText ? ` (${eventLink(a.eventAtText, a.eventId)})` : '';
      return listItem(`${escapeBlock(a.text)}${ref}`);
    })
    .join('\n');
}

function canReports(ctx: PostmortemContext): string {
  if (ctx.canReports.length === 0) return empty('No CAN reports.');
  return ctx.canReports
    .map((r) => {
      const time = r.eventId ? eventLink(r.atText, r.eventId) : escapeInline(r.atText);
      const who = r.author.trim() ? ` — ${escapeInline(r.author)}` : '';
      const field = (label: string, text: string) => listItem(`**${label}:** ${text.trim() ? escapeBlock(text) : '—'}`);
      return [`**${time}${who}**`, '', field('Conditions', r.conditions), field('Actions', r.actions), field('Needs', r.needs)].join('\n');
    })
    .join('\n\n');
}

function people(ctx: PostmortemContext): string {
  if (ctx.people.length === 0) return empty('No participants recorded.');
  return ctx.people.map((p) => `- ${escapeInline(p)}`).join('\n');
}

function roles(ctx: PostmortemContext): string {
  if (ctx.roles.length === 0) return empty('No roles assigned.');
  return ctx.roles.map((r) => `- **${r.role}:** ${escapeInline(r.name)}`).join('\n');
}

/** The Markdown of one generated section (no trailing newline). */
export function renderBlock(block: BlockPlaceholder, ctx: PostmortemContext): string {
  switch (block.name) {
    case 'timeline.byStage':
      return timelineByStage(ctx);
    case 'table:timeline':
      return timelineTable(ctx);
    case 'table:actionItems':
      return actionItemsTable(ctx);
    case 'table:metrics':
      return metricsTable(ctx);
    case 'milestones':
      return milestoneList(ctx);
    case 'keyMoments':
      return keyMoments(ctx);
    case 'canReports':
      return canReports(ctx);
    case 'people':
      return people(ctx);
    case 'roles':
      return roles(ctx);
    case 'annotations':
      return annotationList(ctx, block.tag);
  }
}
