import { safeHref } from '../links/safe-link';
import type { EventLink } from '../model/event';

export interface LinkSpan {
  start: number;
  end: number;
  url: string;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/g;

/**
 * Where an event's text shows a link: the labels of the links the source recorded (matched by
 * their first occurrence) and bare http(s) URLs typed in the text, earliest first, never
 * overlapping. The timeline and the Markdown export both ask this, so a link opens the same
 * place in both.
 */
export function findLinkSpans(text: string, links: readonly EventLink[]): LinkSpan[] {
  const spans: LinkSpan[] = [];
  // The links the source recorded come first: where Slack showed `https://status.acme.com` for a
  // link to another host, the text must open (and be flagged as) that link, not the look-alike.
  for (const link of links) {
    if (safeHref(link.url) === null || link.label === '' || spans.some((s) => s.url === link.url)) continue;
    const at = text.indexOf(link.label);
    if (at >= 0 && !spans.some((s) => s.start < at + link.label.length && at < s.end)) spans.push({ start: at, end: at + link.label.length, url: link.url });
  }
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ start, end, url: match[0] });
  }
  return spans.sort((a, b) => a.start - b.start);
}
