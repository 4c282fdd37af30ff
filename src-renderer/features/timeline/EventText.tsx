import { useMemo, type ReactNode } from 'react';
import { chatLeafRanges, parseChatText } from '@core/chat-text/chat-text';
import { ChatText, type ChatLeafKind, type ChatLeafRenderer } from '@ui/chat-text/ChatText';
import { ExternalLink } from '@ui/ExternalLink';
import { LinkIcon } from '@ui/icons';
import type { EventLink, TimelineEvent } from '@core/model/event';
import { highlightRanges } from '@core/timeline/search-index';
import { safeHref } from '@core/links/safe-link';
import { segmentLeaves, type Segment } from './text-segments';

const NO_LINKS: readonly EventLink[] = [];

interface EventTextProps {
  event: TimelineEvent;
  query: string;
  reveal: boolean;
  onToggleReveal: () => void;
}

/**
 * The event's chat text (bold, code, quotes, lists, emoji, whole-name mentions; see
 * core/chat-text) with search hits, links and redacted spans drawn inside each piece; React
 * elements and text only, never HTML. Links open outside the app.
 */
export function EventText({ event, query, reveal, onToggleReveal }: EventTextProps) {
  const blocks = useMemo(() => parseChatText(event.text, { mentions: event.mentions }), [event.text, event.mentions]);
  if (event.redacted && !reveal) {
    return (
      <div className="tl-text">
        <RedactedChip label="▇▇ message redacted" onClick={onToggleReveal} />
      </div>
    );
  }
  const ranges = chatLeafRanges(blocks);
  const cut = segmentLeaves(event.text, { links: event.links, hits: highlightRanges(event.text, query), redactions: event.redactions, reveal, mentions: false }, ranges);
  // A leaf's pieces by its place among the leaves (a few per message: a scan, no keyed map per row).
  const segmentsOf = (from: number, to: number): Segment[] => {
    for (let i = 0; i < ranges.length; i++) if (ranges[i]?.[0] === from && ranges[i]?.[1] === to) return cut[i] ?? [];
    return [];
  };
  // A redaction cut by formatting spans several pieces; its one chip goes in the first of them.
  const chipLeaf = (start: number, end: number) => ranges.find(([from, to]) => from < end && start < to)?.[0];
  const renderLeaf: ChatLeafRenderer = (from, to, kind) => {
    const segments = segmentsOf(from, to);
    if (kind === 'emoji' && !segments.some((segment) => segment.kind === 'redacted' || segment.kind === 'link' || segment.hit)) return undefined;
    // Most leaves are one plain piece: drawn as a text node, without an element of its own.
    const only = segments.length === 1 ? segments[0] : undefined;
    if (only?.kind === 'text' && !only.hit && !only.revealed && kind !== 'mention') return only.text;
    return segments.map((segment, i) => renderSegment(segment, i, kind, chipLeaf, from, onToggleReveal));
  };
  // Links the source recorded beside the text (a CSV url column, an alert's runbook) follow it.
  const extraLinks = event.links.length === 0 ? NO_LINKS : linksNotInText(event.links, cut);
  return (
    <div className={event.redacted ? 'tl-text tl-revealed-event' : 'tl-text'}>
      <ChatText text={event.text} blocks={blocks} renderLeaf={renderLeaf} />
      {extraLinks.map((link) => (
        <ExternalLink key={link.url} url={link.url} label={link.label} className="tl-link tl-extra-link">
          <LinkIcon /> {link.label || link.url}
        </ExternalLink>
      ))}
      {event.redacted || (reveal && event.redactions.length > 0) ? (
        <button type="button" className="tl-chip tl-chip-redacted" onClick={onToggleReveal}>
          Hide again
        </button>
      ) : null}
    </div>
  );
}

function linksNotInText(links: readonly EventLink[], leaves: readonly Segment[][]): EventLink[] {
  const shown = new Set(leaves.flatMap((segments) => segments.flatMap((segment) => (segment.kind === 'link' ? [segment.url] : []))));
  return links.filter((link) => safeHref(link.url) !== null && !shown.has(link.url));
}

function renderSegment(
  segment: Segment,
  i: number,
  kind: ChatLeafKind,
  chipLeaf: (start: number, end: number) => number | undefined,
  leafStart: number,
  onToggleReveal: () => void,
): ReactNode {
  switch (segment.kind) {
    case 'redacted':
      return chipLeaf(segment.start, segment.end) === leafStart ? <RedactedChip key={i} label="▇▇ redacted" onClick={onToggleReveal} /> : null;
    case 'mention':
      return (
        <span key={i} className={segment.hit ? 'tl-mention tl-hit' : 'tl-mention'}>
          {segment.text}
        </span>
      );
    case 'link':
      return (
        <ExternalLink key={i} url={segment.url} label={segment.text} className="tl-link">
          {segment.parts.map((part, j) =>
            part.hit ? (
              <mark key={j} className="tl-hit">
                {part.text}
              </mark>
            ) : (
              <span key={j}>{part.text}</span>
            ),
          )}
        </ExternalLink>
      );
    default: {
      const cls = [segment.hit ? 'tl-hit' : '', segment.revealed ? 'tl-revealed' : '', kind === 'mention' ? 'tl-mention' : ''].join(' ').trim();
      return segment.hit || segment.revealed ? (
        <mark key={i} className={cls}>
          {segment.text}
        </mark>
      ) : (
        <span key={i} className={cls || undefined}>
          {segment.text}
        </span>
      );
    }
  }
}

function RedactedChip({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="tl-chip tl-chip-redacted" title="Hidden from exports and presentation. Click to reveal here." onClick={onClick}>
      {label}
    </button>
  );
}
