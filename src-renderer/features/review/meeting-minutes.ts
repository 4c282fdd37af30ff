import type { ActionItem } from '@core/model/action-item';
import type { Annotation } from '@core/model/annotation';
import { escapeInline } from '@core/markdown/markdown-escape';
import { actionItemAuthors, attendees, speakers, type MeetingSnapshot } from './shared-meeting';

/** Markdown text on one line, escaped like every other export (core/markdown/markdown-escape.ts). */
function plain(text: string): string {
  return escapeInline(text.replace(/\s+/g, ' ').trim());
}

/**
 * The minutes of a shared review meeting, as Markdown appended to the postmortem: when, who
 * facilitated and attended, who spoke up (raised a hand), the notes and questions captured and
 * the action items created during the meeting (with who added them).
 */
export function meetingMinutes(
  snapshot: MeetingSnapshot,
  endedAt: number,
  annotations: readonly Annotation[],
  actionItems: readonly ActionItem[],
  timeText: (ms: number) => string,
): string {
  const during = (at: number) => at >= snapshot.startedAt && at <= endedAt;
  const said = annotations.filter((a) => during(a.createdAt) && a.plainText.trim() !== '').sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const questions = said.filter((a) => a.tags.includes('question'));
  const notes = said.filter((a) => !a.tags.includes('question'));
  const created = actionItems.filter((item) => during(item.createdAt)).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const spoke = speakers(snapshot);
  const addedBy = actionItemAuthors(snapshot);
  const actionLine = (item: ActionItem) => {
    const by = addedBy.get(item.id);
    return `- ${plain(item.title)}${by ? ` — added by ${plain(by)}` : ''}${item.ownerName ? ` — owner ${plain(item.ownerName)}` : ''}`;
  };
  const line = (a: Annotation) => `- ${plain(a.plainText)} — ${plain(a.author || 'someone')}`;
  const lines = [
    '## Review meeting minutes',
    '',
    `- **When:** ${timeText(snapshot.startedAt)} – ${timeText(endedAt)}`,
    `- **Facilitator:** ${plain(snapshot.facilitator || 'someone')}`,
    `- **Attended:** ${attendees(snapshot).map(plain).join(', ') || '—'}`,
    `- **Spoke up:** ${spoke.map((s) => (s.times > 1 ? `${plain(s.name)} (${s.times}×)` : plain(s.name))).join(', ') || '—'}`,
    '',
    '### Notes and decisions',
    '',
    ...(notes.length ? notes.map(line) : ['- None captured.']),
    '',
    '### Questions',
    '',
    ...(questions.length ? questions.map(line) : ['- None captured.']),
    '',
    '### Action items created',
    '',
    ...(created.length ? created.map(actionLine) : ['- None.']),
  ];
  return lines.join('\n');
}
