import { describe, expect, it } from 'vitest';
import { endOfLocalDate } from './due-date';
import { HANDOFF_ZONE, handoffFixture } from './handoff-fixture';
import { actionItemsIcal, escapeIcalText, foldIcalLine, icalUid } from './ical';
import { buildActionItem } from './item-builder';

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('escapeIcalText', () => {
  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(escapeIcalText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
});

describe('foldIcalLine', () => {
  it('leaves a line of exactly 75 octets whole and folds one of 76', () => {
    expect(foldIcalLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcalLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('keeps every physical line within 75 octets, never splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'Ünïcödé 🚀 '.repeat(20)}`;
    const folded = foldIcalLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(octets(physical)).toBeLessThanOrEqual(75);
      expect(physical).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe('actionItemsIcal', () => {
  const now = Date.parse('2024-06-21T12:00:00Z');
  const ics = actionItemsIcal(handoffFixture(), { timeZone: HANDOFF_ZONE, now });

  it('is a CRLF VCALENDAR with one all-day VEVENT per open item with a due date', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const lines = unfold(ics).split('\r\n');
    expect(lines).toContain(`UID:${icalUid('5b0c7c5e-0001-4a8e-9d7e-1f2a3b4c5d6e')}`);
    expect(lines).toContain('DTSTAMP:20240621T120000Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20240628');
    expect(lines).toContain('DTEND;VALUE=DATE:20240629');
    expect(lines).toContain('SUMMARY:[P1] Add canary gate to checkout-api deploys');
    expect(lines).toContain(
      'DESCRIPTION:v412 shipped a crash loop\\; "gate" on error rate.\\nThen auto-rollback.\\n\\nFrom the incident review of "Checkout errors\\, 12 June".\\nOwner: Alice Moreno',
    );
    for (const physical of ics.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
  });

  it('gives an item the same UID on every export', () => {
    const again = actionItemsIcal(handoffFixture(), { timeZone: HANDOFF_ZONE, now: now + 1000 });
    const uid = (s: string) => unfold(s).match(/^UID:.*$/m)?.[0];
    expect(uid(again)).toBe(uid(ics));
  });

  it('puts the event on the local due day and includes closed items only when asked', () => {
    const done = buildActionItem({ id: 'd', status: 'done', completedAt: 1, dueAt: endOfLocalDate('2024-12-31', 'Pacific/Auckland') });
    const items = [{ item: done, incidentTitle: 'x', ownerEmail: null }];
    expect(actionItemsIcal(items, { timeZone: 'Pacific/Auckland', now })).not.toContain('BEGIN:VEVENT');
    const withClosed = actionItemsIcal(items, { timeZone: 'Pacific/Auckland', now, includeClosed: true });
    expect(withClosed).toContain('DTSTART;VALUE=DATE:20241231');
    expect(withClosed).toContain('DTEND;VALUE=DATE:20250101');
  });
});
