import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TimelineEvent } from '@core/model/event';
import { newTimelineEvent } from '@core/model/new-event';
import { normaliseRedactions, redactedText, redactEvent, REDACTED_EVENT_PLACEHOLDER, REDACTION_MARKER, validateRedaction } from './redaction';
import { TimelineError } from './timeline-error';

const event = (partial: Partial<TimelineEvent>): TimelineEvent =>
  newTimelineEvent({
    id: 'e1',
    incidentId: 'i1',
    sourceId: 's1',
    sourceFormat: 'slack-export',
    dedupeKey: 'slack-export:1',
    at: 0,
    originalTime: '0',
    actorId: 'U1',
    actorName: 'Alice',
    channel: 'inc',
    raw: { text: 'original' },
    ...partial,
  });

describe('redactedText', () => {
  it('replaces each span with the marker and merges overlapping or touching spans', () => {
    const text = 'customer jane@example.com card 4111-1111 ok';
    const e = { text, redacted: false, redactions: [{ start: 9, end: 25 }, { start: 31, end: 36 }, { start: 34, end: 40 }] };
    expect(redactedText(e)).toBe(`customer ${REDACTION_MARKER} card ${REDACTION_MARKER} ok`);
    expect(redactedText({ text: 'abcdef', redacted: false, redactions: [{ start: 1, end: 3 }, { start: 3, end: 5 }] })).toBe(`a${REDACTION_MARKER}f`);
  });

  it('turns a wholly redacted event into the placeholder', () => {
    expect(redactedText({ text: 'secret', redacted: true, redactions: [] })).toBe(REDACTED_EVENT_PLACEHOLDER);
  });

  it('never splits an emoji: a span ending mid-pair covers the whole character', () => {
    const text = 'x🔥y';
    expect(redactedText({ text, redacted: false, redactions: [{ start: 1, end: 2 }] })).toBe(`x${REDACTION_MARKER}y`);
  });

  it('never leaks a redacted character, whatever spans are stored', () => {
    // Secret characters (upper case) sit only inside the spans; visible ones are lower case.
    const segment = fc.record({ secret: fc.boolean(), chars: fc.string({ unit: fc.constantFrom('a', 'b', ' '), minLength: 1, maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 10 }), fc.array(fc.integer({ min: -3, max: 80 }), { maxLength: 6 }), (segments, extra) => {
        let text = '';
        const spans = [];
        for (const { secret, chars } of segments) {
          const piece = secret ? chars.toUpperCase().replace(/ /g, 'Z') : chars;
          if (secret) spans.push({ start: text.length, end: text.length + piece.length });
          text += piece;
        }
        // Extra arbitrary (possibly reversed or out-of-range) spans may only hide more.
        for (let i = 0; i + 1 < extra.length; i += 2) spans.push({ start: extra[i], end: extra[i + 1] });
        const out = redactedText({ text, redacted: false, redactions: spans }).split(REDACTION_MARKER).join('');
        expect(out).not.toMatch(/[ABZ]/);
      }),
    );
  });
});

describe('normaliseRedactions', () => {
  it('swaps reversed spans, clamps to the text and drops empty ones', () => {
    expect(normaliseRedactions([{ start: 5, end: 2 }, { start: 8, end: 99 }, { start: 4, end: 4 }, { start: -5, end: 1 }], 'abcdefghij')).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 5 },
      { start: 8, end: 10 },
    ]);
  });

  it('hides everything when an offset is not a number', () => {
    expect(normaliseRedactions([{ start: Number.NaN, end: 2 }], 'abcd')).toEqual([{ start: 0, end: 4 }]);
  });
});

describe('validateRedaction', () => {
  it('accepts a span inside the text and rejects empty, reversed, fractional or out-of-range ones', () => {
    expect(validateRedaction({ start: 0, end: 3 }, 'abc')).toEqual({ start: 0, end: 3 });
    for (const span of [{ start: 2, end: 2 }, { start: 3, end: 1 }, { start: 0.5, end: 2 }, { start: 0, end: 4 }, { start: -1, end: 1 }]) {
      expect(() => validateRedaction(span, 'abc')).toThrow(TimelineError);
    }
  });
});

describe('redactEvent', () => {
  it('reduces a wholly redacted event to a placeholder that keeps time, kind and actor', () => {
    const out = redactEvent(event({ text: 'secret', redacted: true, at: 42, links: [{ url: 'https://x', label: 'x' }], attachments: [{ name: 'dump.sql', url: null }] }));
    expect(out).toMatchObject({ text: REDACTED_EVENT_PLACEHOLDER, at: 42, kind: 'message', actorName: 'Alice', links: [], attachments: [], raw: null });
  });

  it('drops the raw record and any link or attachment repeating a hidden part', () => {
    const text = 'see https://admin.example.com/u/jane and the runbook';
    const start = text.indexOf('https');
    const out = redactEvent(
      event({
        text,
        redactions: [{ start, end: start + 'https://admin.example.com/u/jane'.length }],
        links: [
          { url: 'https://admin.example.com/u/jane', label: 'admin' },
          { url: 'https://wiki/runbook', label: 'runbook' },
        ],
      }),
    );
    expect(out.text).toBe(`see ${REDACTION_MARKER} and the runbook`);
    expect(out.links).toEqual([{ url: 'https://wiki/runbook', label: 'runbook' }]);
    expect(out.raw).toBeNull();
    expect(out.redactions).toEqual([]);
  });
});
