import type { EventLink, Redaction } from '@core/model/event';
import { findLinkSpans } from '@core/chat-text/link-spans';
import { normaliseRedactions } from '@core/timeline/redaction';

/**
 * An event's text cut into pieces the row renders as React text nodes (never HTML): plain
 * text, search hits, @mentions, links and redacted spans. Links are recognised in the text
 * itself (http/https only) and from the event's `links` (matched by URL or label).
 */
export type Segment =
  | { kind: 'text'; text: string; hit: boolean; revealed?: boolean }
  | { kind: 'mention'; text: string; hit: boolean }
  | { kind: 'link'; text: string; url: string; parts: { text: string; hit: boolean }[] }
  | { kind: 'redacted'; text: string; start: number; end: number };

interface Span {
  start: number;
  end: number;
  kind: 'mention' | 'link';
  url?: string;
}

const MENTION = /(?<![\w@])@[\p{L}\p{N}._-]*[\p{L}\p{N}]/gu;

function findSpans(text: string, links: readonly EventLink[], mentions: boolean): Span[] {
  const spans: Span[] = findLinkSpans(text, links).map((link) => ({ ...link, kind: 'link' as const }));
  if (mentions) for (const match of text.matchAll(MENTION)) spans.push({ start: match.index, end: match.index + match[0].length, kind: 'mention' });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of spans) if (kept.length === 0 || span.start >= kept[kept.length - 1].end) kept.push(span);
  return kept;
}

interface SegmentOptions {
  links?: readonly EventLink[];
  hits?: readonly [number, number][];
  redactions?: readonly Redaction[];
  reveal?: boolean;
  /** Recognise `@word` mentions (off when the chat-text tree already found them). */
  mentions?: boolean;
}

/**
 * `hits` are [start, end) ranges from `highlightRanges`; `redactions` become one marker each
 * unless `reveal` is set, in which case their text is kept and flagged `revealed`.
 */
export function segmentText(
  text: string,
  options: SegmentOptions & {
    /** Only the pieces of this [start, end) range of the text (one leaf of the chat-text tree). */
    range?: readonly [number, number];
  } = {},
): Segment[] {
  return segmentLeaves(text, options, [options.range ?? [0, text.length]])[0] ?? [];
}

/**
 * The pieces of each [start, end) range (the leaves of the chat-text tree), as `segmentText`
 * cuts them. Redactions and links are found once for the whole text, not once per leaf: a
 * scrolled frame draws many new rows, and this runs for each.
 */
export function segmentLeaves(text: string, options: SegmentOptions, ranges: readonly (readonly [number, number])[]): Segment[][] {
  const redactions = options.redactions?.length ? normaliseRedactions(options.redactions, text) : [];
  const spans = findSpans(text, options.links ?? [], options.mentions ?? true);
  const hits = options.hits ?? [];
  return ranges.map((range) => cutRange(text, redactions, spans, hits, options.reveal === true, range));
}

function cutRange(
  text: string,
  redactions: readonly Redaction[],
  spans: readonly Span[],
  hits: readonly [number, number][],
  reveal: boolean,
  [from, to]: readonly [number, number],
): Segment[] {
  // Most leaves are plain text: one piece, without the cutting below.
  if (redactions.length === 0 && spans.length === 0 && hits.length === 0) return from < to ? [{ kind: 'text', text: text.slice(from, to), hit: false }] : [];
  // Every boundary where any attribute changes; pieces between boundaries are uniform.
  const cuts = new Set<number>([from, to]);
  for (const r of redactions) cuts.add(r.start).add(r.end);
  for (const s of spans) cuts.add(s.start).add(s.end);
  for (const [start, end] of hits) cuts.add(start).add(end);
  const points = [...cuts].filter((p) => p >= from && p <= to).sort((a, b) => a - b);

  const segments: Segment[] = [];
  let linkEnd = -1;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const redaction = redactions.find((r) => r.start <= start && end <= r.end);
    if (redaction && reveal) {
      // Revealed for the facilitator, still marked so nobody mistakes it for shareable text.
      const last = segments[segments.length - 1];
      const hit = hits.some(([s, e]) => s <= start && end <= e);
      if (last?.kind === 'text' && last.revealed && last.hit === hit) last.text += text.slice(start, end);
      else segments.push({ kind: 'text', text: text.slice(start, end), hit, revealed: true });
      continue;
    }
    if (redaction) {
      const last = segments[segments.length - 1];
      // One marker per redacted span, however many pieces it was cut into.
      if (last?.kind !== 'redacted' || last.start !== redaction.start) segments.push({ kind: 'redacted', text: '', start: redaction.start, end: redaction.end });
      continue;
    }
    const piece = text.slice(start, end);
    const hit = hits.some(([s, e]) => s <= start && end <= e);
    const span = spans.find((s) => s.start <= start && end <= s.end);
    const last = segments[segments.length - 1];
    if (span?.kind === 'link' && span.url !== undefined) {
      // One anchor per link, with the search hits inside it as parts.
      if (last?.kind === 'link' && last.url === span.url && linkEnd === start) {
        last.text += piece;
        const lastPart = last.parts[last.parts.length - 1];
        if (lastPart && lastPart.hit === hit) lastPart.text += piece;
        else last.parts.push({ text: piece, hit });
      } else segments.push({ kind: 'link', text: piece, url: span.url, parts: [{ text: piece, hit }] });
      linkEnd = end;
    } else if (span?.kind === 'mention') {
      segments.push({ kind: 'mention', text: piece, hit });
    } else if (last?.kind === 'text' && last.hit === hit && !last.revealed) {
      last.text += piece;
    } else {
      segments.push({ kind: 'text', text: piece, hit });
    }
  }
  return segments;
}
