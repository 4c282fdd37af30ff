import { ExternalLink } from '@ui/ExternalLink';
import { LinkIcon } from '@ui/icons';
import type { TimelineEvent } from '@core/model/event';
import { highlightRanges } from '@core/timeline/search-index';
import { safeHref } from '@core/links/safe-link';
import { segmentText } from './text-segments';

interface EventTextProps {
  event: TimelineEvent;
  query: string;
  reveal: boolean;
  onToggleReveal: () => void;
}

/** Text, mentions and links rendered as React text (never HTML); links open outside the app. */
export function EventText({ event, query, reveal, onToggleReveal }: EventTextProps) {
  if (event.redacted && !reveal) {
    return (
      <p className="tl-text">
        <RedactedChip label="▇▇ message redacted" onClick={onToggleReveal} />
      </p>
    );
  }
  const segments = segmentText(event.text, { links: event.links, hits: highlightRanges(event.text, query), redactions: event.redactions, reveal });
  // Links the source recorded beside the text (a CSV url column, an alert's runbook) follow it.
  const extraLinks = event.links.filter((link) => safeHref(link.url) !== null && !segments.some((s) => s.kind === 'link' && s.url === link.url));
  return (
    <p className={event.redacted ? 'tl-text tl-revealed-event' : 'tl-text'}>
      {segments.map((segment, i) => {
        switch (segment.kind) {
          case 'redacted':
            return <RedactedChip key={i} label="▇▇ redacted" onClick={onToggleReveal} />;
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
            const cls = [segment.hit ? 'tl-hit' : '', segment.revealed ? 'tl-revealed' : ''].join(' ').trim();
            return cls ? (
              <mark key={i} className={cls}>
                {segment.text}
              </mark>
            ) : (
              <span key={i}>{segment.text}</span>
            );
          }
        }
      })}
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
    </p>
  );
}

function RedactedChip({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="tl-chip tl-chip-redacted" title="Hidden from exports and presentation. Click to reveal here." onClick={onClick}>
      {label}
    </button>
  );
}
