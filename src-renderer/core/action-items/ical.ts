import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { localNoon } from './due-date';
import { handoffDescription, type HandoffItem, type HandoffOptions } from './handoff-item';
import { isClosed } from './sla-state';

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon, comma and line breaks. */
export function escapeIcalText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 §3.1 folding: lines longer than 75 octets continue on the next line after a single
 * space. Splits fall between code points, never inside a UTF-8 sequence.
 */
export function foldIcalLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function utcStamp(at: number): string {
  return format(new TZDate(at, 'UTC'), "yyyyMMdd'T'HHmmss'Z'");
}

export interface IcalOptions extends HandoffOptions {
  /** DTSTAMP of every event: when the file was made. */
  now: number;
  /** Done and won't-do items are left out unless asked for. */
  includeClosed?: boolean;
}

/** UID that stays the same for an item across exports, so calendars update instead of duplicating. */
export function icalUid(itemId: string): string {
  return `action-item-${itemId}@debrief`;
}

/**
 * An iCalendar file with one all-day event on each item's local due date. Items without a due
 * date have no day to sit on and are left out.
 */
export function actionItemsIcal(items: readonly HandoffItem[], options: IcalOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Debrief//Action items//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const h of items) {
    const { item } = h;
    if (item.dueAt === null) continue;
    if (isClosed(item.status) && !options.includeClosed) continue;
    const day = localNoon(item.dueAt, options.timeZone);
    const owner = item.ownerName ? `\nOwner: ${item.ownerName}` : '';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icalUid(item.id)}`,
      `DTSTAMP:${utcStamp(options.now)}`,
      `DTSTART;VALUE=DATE:${format(day, 'yyyyMMdd')}`,
      `DTEND;VALUE=DATE:${format(addDays(day, 1), 'yyyyMMdd')}`,
      `SUMMARY:${escapeIcalText(`[${item.priority}] ${item.title}`)}`,
      `DESCRIPTION:${escapeIcalText(`${handoffDescription(h)}${owner}`)}`,
      'TRANSP:TRANSPARENT',
      `STATUS:${item.status === 'wont-do' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldIcalLine).join(CRLF) + CRLF;
}
