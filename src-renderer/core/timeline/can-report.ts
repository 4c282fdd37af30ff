import type { TimelineEvent } from '@core/model/event';

/**
 * CAN reports (Conditions, Actions, Needs): the status report an Incident Commander posts.
 *
 * A message is one when it carries all three headings, each at the start of a line, in any
 * case, with or without markdown/mrkdwn decoration: bullets (- * • >), bold or italic markers
 * (`**Conditions:**`, `*Conditions*:`, `_Needs_:`), singular or plural ("Need:"). A section runs
 * from its heading to the next heading; text on the heading line counts.
 *
 * Decision on the one-letter forms "C:", "A:", "N:": accepted, but only when the message uses
 * them in the order C, A, N. "A:" alone is a Q&A answer far more often than an Actions
 * heading, and requiring the full C-A-N sequence keeps those out. Word headings may come in
 * any order. A message with a heading missing is not a CAN report.
 */

export interface CanReport {
  conditions: string;
  actions: string;
  needs: string;
}

export interface CanReportEntry extends CanReport {
  eventId: string;
  at: number;
  actorName: string;
}

type Section = keyof CanReport;

const HEADING =
  /^[ \t]*(?:(?:[-*•>]|\d+[.)])[ \t]+)?[*_]{0,2}[ \t]*(conditions?|actions?|needs?|c|a|n)[ \t]*[*_]{0,2}[ \t]*:[ \t]*[*_]{0,2}(?=\s|$)[ \t]*(.*)$/i;

const SECTION_BY_WORD: Record<string, Section> = {
  c: 'conditions',
  condition: 'conditions',
  conditions: 'conditions',
  a: 'actions',
  action: 'actions',
  actions: 'actions',
  n: 'needs',
  need: 'needs',
  needs: 'needs',
};

interface Heading {
  section: Section;
  short: boolean;
  line: number;
  rest: string;
}

export function recogniseCanReport(text: string): CanReport | null {
  let lines = text.replace(/\r\n?/g, '\n').split('\n');
  // A report pasted as a quote block: the quote markers are decoration, not content.
  if (lines.every((line) => line.trim() === '' || /^\s*>/.test(line))) lines = lines.map((line) => line.replace(/^\s*> ?/, ''));
  const headings: Heading[] = [];
  const seen = new Set<Section>();
  for (const [line, content] of lines.entries()) {
    const match = HEADING.exec(content);
    if (!match) continue;
    const word = match[1].toLowerCase();
    const section = SECTION_BY_WORD[word];
    // A repeated heading is body text of the current section (e.g. a bullet starting "Action:").
    if (seen.has(section)) continue;
    seen.add(section);
    headings.push({ section, short: word.length === 1, line, rest: match[2] ?? '' });
  }
  if (headings.length !== 3) return null;
  if (headings.some((h) => h.short) && headings.map((h) => h.section).join() !== 'conditions,actions,needs') return null;

  const report: CanReport = { conditions: '', actions: '', needs: '' };
  for (const [index, heading] of headings.entries()) {
    const endLine = headings[index + 1]?.line ?? lines.length;
    const body = [heading.rest, ...lines.slice(heading.line + 1, endLine)].join('\n');
    report[heading.section] = body.replace(/^[*_]{1,2}\s*/, '').trim();
  }
  return report;
}

/** Every CAN report in the timeline, oldest first, for the review's status-report panel. */
export function findCanReports(events: readonly Pick<TimelineEvent, 'id' | 'at' | 'actorName' | 'text'>[]): CanReportEntry[] {
  const entries: CanReportEntry[] = [];
  for (const event of events) {
    const report = recogniseCanReport(event.text);
    if (report) entries.push({ eventId: event.id, at: event.at, actorName: event.actorName, ...report });
  }
  return entries.sort((a, b) => a.at - b.at);
}
