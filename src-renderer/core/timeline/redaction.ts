import type { Redaction, TimelineEvent } from '@core/model/event';
import { TimelineError } from './timeline-error';

/**
 * Redactions applied when an incident leaves the app (export, presentation mode). Stored
 * spans are reversible, so the original text is kept in the database and only the copies
 * made here are blanked. The guiding rule is that a redacted character never leaks: spans
 * that overlap or touch are merged, spans reaching past the text are clamped rather than
 * ignored, a span boundary inside a surrogate pair widens to the whole character, and
 * anything that could carry the hidden text (links naming it, the raw record) is dropped.
 */

export const REDACTION_MARKER = '█ redacted';
export const REDACTED_EVENT_PLACEHOLDER = '█ message redacted';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Checks a span the user is about to create. Offsets are UTF-16 indices into `text`. */
export function validateRedaction(span: Redaction, text: string): Redaction {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new TimelineError('INVALID_REDACTION', `A redaction must cover 1 or more characters inside the text (0–${text.length}); got ${start}–${end}.`);
  }
  return { start, end };
}

/**
 * Stored spans made safe for this text: swapped when reversed, clamped to the text, widened
 * over split surrogate pairs, sorted, with overlapping or adjacent spans merged. Spans with no
 * characters left are dropped. Non-finite offsets cover the whole text, on the side of hiding.
 */
export function normaliseRedactions(spans: readonly Redaction[], text: string): Redaction[] {
  const length = text.length;
  const clamp = (value: number, fallback: number) => (Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 0), length) : fallback);
  const cleaned: Redaction[] = [];
  for (const span of spans) {
    let start = clamp(Math.min(span.start, span.end), 0);
    let end = clamp(Math.max(span.start, span.end), length);
    if (Number.isNaN(span.start) || Number.isNaN(span.end)) {
      start = 0;
      end = length;
    }
    if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start -= 1;
    if (end < length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
    if (end > start) cleaned.push({ start, end });
  }
  cleaned.sort((a, b) => a.start - b.start);
  const merged: Redaction[] = [];
  for (const span of cleaned) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export type RedactableText = Pick<TimelineEvent, 'text' | 'redacted' | 'redactions'>;

/** The text as it may be shown outside the app. */
export function redactedText(event: RedactableText, marker: string = REDACTION_MARKER): string {
  if (event.redacted) return REDACTED_EVENT_PLACEHOLDER;
  const spans = normaliseRedactions(event.redactions, event.text);
  if (spans.length === 0) return event.text;
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    out += event.text.slice(cursor, span.start) + marker;
    cursor = span.end;
  }
  return out + event.text.slice(cursor);
}

/** The hidden substrings, to keep links and attachment names from repeating them. */
function hiddenParts(event: RedactableText): string[] {
  return normaliseRedactions(event.redactions, event.text)
    .map((span) => event.text.slice(span.start, span.end).trim())
    .filter((part) => part.length > 0);
}

/**
 * A copy of the event safe to export. A wholly redacted event keeps only when, where and what
 * kind it was (so the timeline has no unexplained gap) and becomes a placeholder. Otherwise the
 * text is redacted and any link or attachment whose label, name or url contains a hidden part
 * is dropped. `raw` (the original record, which holds the original text) is never exported.
 */
export function redactEvent<T extends TimelineEvent>(event: T): T {
  if (event.redacted) {
    return { ...event, text: REDACTED_EVENT_PLACEHOLDER, mentions: [], links: [], attachments: [], reactions: [], redactions: [], raw: null };
  }
  const hidden = hiddenParts(event);
  const leaks = (value: string | null) => value !== null && hidden.some((part) => value.includes(part));
  return {
    ...event,
    text: redactedText(event),
    links: event.links.filter((link) => !leaks(link.url) && !leaks(link.label)),
    ...(event.mentions ? { mentions: event.mentions.filter((name) => !leaks(name)) } : {}),
    attachments: event.attachments.filter((attachment) => !leaks(attachment.name) && !leaks(attachment.url)),
    redactions: [],
    raw: null,
  };
}

/** What each hidden character becomes in a copy that keeps the text's length. */
export const MASK_CHARACTER = '█';

export type MaskableEvent = Pick<TimelineEvent, 'text' | 'redacted' | 'redactions' | 'links' | 'attachments' | 'reactions'>;

/**
 * A copy for an incident bundle sent without redacted text. Unlike `redactEvent` it keeps the
 * redaction state: each hidden character is overwritten in place (UTF-16 length kept, so the
 * stored spans still fit and the receiving app still shows them as redacted), a wholly redacted
 * event keeps its flag with a placeholder text, and links or attachments repeating a hidden part
 * are dropped as in exports. The caller drops the original record (`raw`).
 */
export function maskRedactedEvent<T extends MaskableEvent>(event: T): T {
  if (event.redacted) return { ...event, text: REDACTED_EVENT_PLACEHOLDER, links: [], attachments: [], reactions: [] };
  const spans = normaliseRedactions(event.redactions, event.text);
  if (spans.length === 0) return event;
  const hidden = hiddenParts(event);
  const leaks = (value: string | null) => value !== null && hidden.some((part) => value.includes(part));
  let text = '';
  let cursor = 0;
  for (const span of spans) {
    text += event.text.slice(cursor, span.start) + MASK_CHARACTER.repeat(span.end - span.start);
    cursor = span.end;
  }
  text += event.text.slice(cursor);
  return {
    ...event,
    text,
    links: event.links.filter((link) => !leaks(link.url) && !leaks(link.label)),
    attachments: event.attachments.filter((attachment) => !leaks(attachment.name) && !leaks(attachment.url)),
  };
}

/** True when the event hides something (the whole event or a span). */
export function hasRedaction(event: Pick<TimelineEvent, 'redacted' | 'redactions'>): boolean {
  return event.redacted || event.redactions.length > 0;
}
