import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentLeaves, segmentText, type Segment } from './text-segments';

describe('segmentText', () => {
  it('finds links and mentions in the text', () => {
    const segments = segmentText('@tom see https://deploys.example.com/4512. thanks');
    expect(segments).toEqual([
      { kind: 'mention', text: '@tom', hit: false },
      { kind: 'text', text: ' see ', hit: false },
      { kind: 'link', text: 'https://deploys.example.com/4512', url: 'https://deploys.example.com/4512', parts: [{ text: 'https://deploys.example.com/4512', hit: false }] },
      { kind: 'text', text: '. thanks', hit: false },
    ]);
  });

  it('links a labelled link from the event but never a javascript: url', () => {
    const ok = segmentText('see the runbook', { links: [{ url: 'https://wiki.example.com/rb', label: 'runbook' }] });
    expect(ok.find((s) => s.kind === 'link')).toMatchObject({ text: 'runbook', url: 'https://wiki.example.com/rb' });
    const bad = segmentText('see the runbook', { links: [{ url: 'javascript:alert(1)', label: 'runbook' }] });
    expect(bad.some((s) => s.kind === 'link')).toBe(false);
  });

  it('a recorded link whose label is a look-alike URL keeps its real target, not the URL its text shows', () => {
    const segments = segmentText('status: https://status.acme.com', { links: [{ url: 'https://evil.example/', label: 'https://status.acme.com' }] });
    expect(segments.filter((s) => s.kind === 'link')).toEqual([expect.objectContaining({ text: 'https://status.acme.com', url: 'https://evil.example/' })]);
  });

  it('replaces each redacted span by one marker and keeps its text out of every segment', () => {
    const text = 'call 555-0134 or 555-0199 now';
    const segments = segmentText(text, { redactions: [{ start: 5, end: 13 }], hits: [[5, 8]] });
    expect(segments.filter((s) => s.kind === 'redacted')).toHaveLength(1);
    expect(segments.map((s) => s.text).join('')).toBe('call  or 555-0199 now');
  });

  it('shows a revealed span as flagged text', () => {
    const segments = segmentText('call 555-0134 now', { redactions: [{ start: 5, end: 13 }], reveal: true });
    expect(segments).toContainEqual({ kind: 'text', text: '555-0134', hit: false, revealed: true });
  });

  it('marks search hits, inside a link too, keeping the link one anchor', () => {
    const segments = segmentText('rollback https://x.example.com/rollback', { hits: [[0, 8], [31, 39]] });
    expect(segments[0]).toEqual({ kind: 'text', text: 'rollback', hit: true });
    const links = segments.filter((s) => s.kind === 'link');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ parts: [{ text: 'https://x.example.com/', hit: false }, { text: 'rollback', hit: true }] });
  });
});

describe('segmentLeaves', () => {
  const textOf = (segments: Segment[]) => segments.map((segment) => segment.text).join('');

  it('cuts each leaf as segmentText cuts that range, with plain leaves in one piece', () => {
    const text = 'deploy *now* see https://x.example.com/a and 555-0134 done';
    const ranges: [number, number][] = [[0, 7], [8, 11], [12, 45], [45, text.length]];
    const options = { hits: [[0, 6]] as [number, number][], redactions: [{ start: 46, end: 54 }], mentions: false };
    const leaves = segmentLeaves(text, options, ranges);
    expect(leaves).toEqual(ranges.map((range) => segmentText(text, { ...options, range })));
    expect(leaves[1]).toEqual([{ kind: 'text', text: 'now', hit: false }]);
    expect(leaves[0]).toEqual([{ kind: 'text', text: 'deploy', hit: true }, { kind: 'text', text: ' ', hit: false }]);
  });

  it('keeps every character of a text without redactions, and marks exactly the hit ones', () => {
    fc.assert(
      // Without ':' no text holds a URL: every piece is text.
      fc.property(fc.string({ maxLength: 40 }).map((s) => s.replace(/:/g, '')), fc.array(fc.nat(40), { maxLength: 5 }), fc.array(fc.tuple(fc.nat(40), fc.nat(6)), { maxLength: 3 }), (text, cutsAt, hitsAt) => {
        const bounds = [...new Set([0, text.length, ...cutsAt.filter((c) => c < text.length)])].sort((a, b) => a - b);
        const ranges = bounds.slice(1).map((end, i) => [bounds[i] ?? 0, end] as [number, number]);
        const hits = hitsAt.map(([start, length]) => [Math.min(start, text.length), Math.min(start + length, text.length)] as [number, number]);
        const leaves = segmentLeaves(text, { hits, mentions: false }, ranges);
        expect(leaves.map(textOf).join('')).toBe(text);
        leaves.forEach((segments, i) => {
          let at = ranges[i]?.[0] ?? 0;
          for (const segment of segments) {
            for (let c = at; c < at + segment.text.length; c++) {
              const inHit = hits.some(([s, e]) => s <= c && c < e);
              expect(segment).toMatchObject({ kind: 'text', hit: inHit });
            }
            at += segment.text.length;
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
