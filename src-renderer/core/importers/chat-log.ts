/**
 * Plain-text chat logs, picked as .txt/.log or pasted:
 * - `[16:45] name: text` (what people paste from a chat window), optionally `[2024-06-12 16:45]`;
 * - irssi/IRC `[23:53:02] <alice> text`, actions `[..] * alice text`, with `--- Log opened …` and
 *   `--- Day changed Thu Jun 13 2024` lines giving the date;
 * - WeeChat `2024-06-12 23:53:02<TAB>alice<TAB>text` (`-->`/`<--`/`--` lines are joins, quits
 *   and notices: system events; ` *` is an action).
 * No format writes a zone: times are read in the chosen zone. Times without a date are placed on
 * the day nearest the incident's start and roll over to the next day when the clock goes back.
 * Lines that match no pattern continue the previous message.
 */
import type { EventKind } from '../model/event';
import type { ImportInput } from './byte-source';
import { addDays, anchorDate, type DayAnchorOptions } from './day-anchor';
import { ResultCollector } from './event-builder';
import { ImportError } from './import-error';
import type { ParseResult } from './imported-records';
import { type BaseImportOptions, checkpoint, type Importer, type ImportHooks, previewOf, throwIfAborted } from './importer';
import { inputFiles, readTextFile, sniffText } from './input-files';
import { resolveLimits } from './limits';
import { stableHash } from './stable-hash';
import { parseTimestamp } from './timestamps';

export interface ChatLogOptions extends BaseImportOptions, DayAnchorOptions {}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEECHAT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})\t([^\t]*)\t(.*)$/;
const BRACKET = /^\[(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}:\d{2}(?::\d{2})?)\]\s+(.*)$/;
const IRC_NICK = /^<[@+%&~ ]?([^>]{1,64})>\s?(.*)$/;
const ACTION = /^\*\s+(\S{1,64})\s+(.*)$/;
const NAME_COLON = /^([^:[\]<>]{1,64}?):\s(.*)$/;
const DAY_LINE = /^---\s+(?:Log opened|Day changed)\s+\w{3}\s+(\w{3})\s+(\d{1,2})\s+(?:[\d:]+\s+)?(\d{4})/;
const SYSTEM_NICKS = new Set(['-->', '<--', '--', '-!-', '***']);
const ROLLBACK_MS = 6 * 60 * 60 * 1000;

interface Line {
  date: string | null;
  time: string;
  nick: string;
  text: string;
  kind: EventKind;
  line: number;
}

/** One log line, or a date-giving line, or null when the line continues the previous message. */
function readLine(raw: string, line: number): Line | { day: string } | null {
  const weechat = WEECHAT.exec(raw);
  if (weechat) {
    const [, date = '', time = '', nick = '', text = ''] = weechat;
    const trimmed = nick.trim();
    if (SYSTEM_NICKS.has(trimmed)) return { date, time, nick: '', text, kind: 'system', line };
    if (trimmed === '*') {
      const [who = '', ...rest] = text.split(' ');
      return { date, time, nick: who, text: `${who} ${rest.join(' ')}`.trim(), kind: 'message', line };
    }
    return { date, time, nick: trimmed.replace(/^[@+%&~]/, ''), text, kind: 'message', line };
  }
  const day = DAY_LINE.exec(raw);
  if (day) {
    const month = MONTHS.indexOf(day[1] ?? '') + 1;
    if (month > 0) return { day: `${day[3]}-${String(month).padStart(2, '0')}-${String(day[2]).padStart(2, '0')}` };
  }
  const bracket = BRACKET.exec(raw);
  if (!bracket) return null;
  const [, date = null, clock = '', rest = ''] = bracket;
  const time = clock.length === 4 || clock.length === 7 ? `0${clock}` : clock;
  const irc = IRC_NICK.exec(rest);
  if (irc) return { date, time, nick: irc[1] ?? '', text: irc[2] ?? '', kind: 'message', line };
  const action = ACTION.exec(rest);
  if (action) return { date, time, nick: action[1] ?? '', text: rest.slice(2), kind: 'message', line };
  const named = NAME_COLON.exec(rest);
  if (named) return { date, time, nick: (named[1] ?? '').trim(), text: named[2] ?? '', kind: 'message', line };
  return { date, time, nick: '', text: rest.replace(/^[-*!]+\s*/, ''), kind: 'system', line };
}

async function parseChatLog(input: ImportInput, options: ChatLogOptions, hooks: ImportHooks = {}): Promise<ParseResult> {
  const limits = resolveLimits(options.limits);
  const collector = new ResultCollector('chat-log', limits);
  const zone = options.timeZone ? { timeZone: options.timeZone } : {};
  for (const file of inputFiles(input)) {
    throwIfAborted(hooks.signal, file.where);
    const { text, warnings } = await readTextFile(file, limits);
    warnings.forEach((warning) => collector.warn(warning));
    const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
    const seen = new Map<string, number>();
    let day: string | null = null;
    let last: { at: number; draft: Line; index: number } | null = null;
    let pending: { line: Line; extra: string[] } | null = null;
    const flush = () => {
      if (!pending) return;
      const { line, extra } = pending;
      pending = null;
      const where = { ...file.where, line: line.line };
      let date = line.date ?? day;
      if (!date) {
        date = anchorDate(line.time, options);
        if (!date) throw new ImportError('BAD_DATE', 'the log gives times but no dates: set the incident start so Debrief knows which day it is', where);
        day = date;
      }
      let time = parseTimestamp(`${date}T${line.time}`, where, zone);
      // A log without dates wraps at midnight: a clock that goes back by hours is the next day.
      if (!line.date && last && time.at < last.at - ROLLBACK_MS) {
        day = addDays(date, 1);
        time = parseTimestamp(`${day}T${line.time}`, where, zone);
      }
      const body = [line.text, ...extra].join('\n');
      const signature = `${time.original}\u0000${line.nick}\u0000${body}`;
      const occurrence = (seen.get(signature) ?? 0) + 1;
      seen.set(signature, occurrence);
      const actorId = line.nick || null;
      if (actorId) collector.addActor(actorId, actorId);
      collector.addEvent(
        {
          kind: line.kind,
          originalId: stableHash(`${signature}\u0000${occurrence}`),
          at: time.at,
          originalTime: time.original,
          text: body,
          actorExternalId: actorId,
          actorName: line.nick,
          channel: file.label,
          raw: { line: line.line, text: [lines[line.line - 1] ?? '', ...extra].join('\n') },
        },
        where,
      );
      last = { at: time.at, draft: line, index: line.line };
    };
    for (let i = 0; i < lines.length; i++) {
      if (i % 2000 === 0) await checkpoint(hooks.signal, file.where);
      const raw = lines[i] ?? '';
      if (raw.trim() === '') continue;
      const read = readLine(raw, i + 1);
      if (read && 'day' in read) {
        flush();
        day = read.day;
        continue;
      }
      if (!read) {
        if (pending) pending.extra.push(raw);
        else collector.skip('text before the first timed line');
        continue;
      }
      flush();
      pending = { line: read, extra: [] };
    }
    flush();
  }
  if (collector.eventCount === 0) throw new ImportError('EMPTY', 'no chat lines found (expected lines like "[16:45] name: text")', { file: input.kind === 'file' ? input.source.name : input.folder.name });
  return collector.result();
}

/** Share of the first non-empty lines that read as chat lines. */
async function detectChatLog(input: ImportInput): Promise<number> {
  const [file] = inputFiles(input);
  if (!file || input.kind !== 'file') return 0;
  try {
    const head = await sniffText(file, 16 * 1024);
    const lines = head.split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, 40);
    if (lines.length === 0 || /^\s*[[{]/.test(lines[0] ?? '') && !BRACKET.test(lines[0] ?? '')) return 0;
    const timed = lines.filter((line) => {
      const read = readLine(line, 0);
      return read !== null && ('day' in read || read.kind === 'message' || WEECHAT.test(line));
    }).length;
    const share = timed / lines.length;
    return share >= 0.6 ? 0.5 + 0.4 * share : 0;
  } catch (error) {
    if (error instanceof ImportError) return 0;
    throw error;
  }
}

export const chatLogImporter: Importer<ChatLogOptions> = {
  id: 'chat-log',
  label: 'Chat log (text: "[16:45] name: text", IRC, WeeChat)',
  detect: detectChatLog,
  preview: (input: ImportInput, options: ChatLogOptions) => previewOf('chat-log', parseChatLog(input, options)),
  parse: parseChatLog,
};
