import { describe, expect, it } from 'vitest';
import { segmentText } from './text-segments';

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
