import { useCallback, useEffect, useMemo, useRef } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { EventRow, type EventAside, type EventRowActions } from './EventRow';
import type { TimelineEvent } from '@core/model/event';
import type { TimelineRow } from './timeline-rows';

interface TimelineListProps {
  rows: TimelineRow[];
  zone: string;
  zoneLabel: string;
  selectedId: string | null;
  query: string;
  revealed: ReadonlySet<string>;
  milestonesByEvent: ReadonlyMap<string, string[]>;
  /** Records of other sources shown in a row (same real-world event), by the row's event id. */
  sameEvents: ReadonlyMap<string, TimelineEvent[]>;
  actions: EventRowActions;
  /** Scrolls the row into view whenever `nonce` changes; `focus` also moves keyboard focus to it (j/k). */
  scrollTo: { index: number; nonce: number; focus?: boolean } | null;
  onFirstRows?: () => void;
  eventAside?: EventAside;
}

/** The merged timeline, virtualised: only the rows on screen exist in the DOM. */
export function TimelineList({ rows, zone, zoneLabel, selectedId, query, revealed, milestonesByEvent, sameEvents, actions, scrollTo, onFirstRows, eventAside }: TimelineListProps) {
  const parentRef = useRef<HTMLDivElement>(null);
  const dayIndexes = useMemo(() => rows.flatMap((row, index) => (row.type === 'day' ? [index] : [])), [rows]);
  const activeDay = useRef(0);

  // The day header of the rows on screen stays rendered (and sticky) while its day scrolls by.
  const rangeExtractor = useCallback(
    (range: Range) => {
      let active = dayIndexes[0] ?? 0;
      for (const index of dayIndexes) {
        if (index > range.startIndex) break;
        active = index;
      }
      activeDay.current = active;
      return [...new Set([active, ...defaultRangeExtractor(range)])].sort((a, b) => a - b);
    },
    [dayIndexes],
  );

  // Stable per `rows`: the virtualizer recomputes every row's offset (100k+) whenever these
  // functions change identity, which with inline functions meant on every scrolled frame.
  const estimateSize = useCallback((index: number) => (rows[index]?.type === 'day' ? 34 : 58), [rows]);
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);

  // The virtualizer hands out fresh functions each render by design; nothing here is memoised on them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize,
    getItemKey,
    overscan: 8,
    // Rows scrolled to must not end up under the sticky day header.
    scrollPaddingStart: 40,
    rangeExtractor,
  });

  // Scroll only when a new jump is asked for, not on every re-render that rebuilds the object.
  const nonce = scrollTo?.nonce;
  const targetIndex = scrollTo?.index ?? -1;
  const focusTarget = scrollTo?.focus === true;
  useEffect(() => {
    if (nonce === undefined || targetIndex < 0) return;
    virtualizer.scrollToIndex(targetIndex, { align: 'auto' });
    if (!focusTarget) return;
    // The row exists once the virtualizer has rendered that stretch; focusing it also scrolls the
    // page itself, so the row stays in the window, not only in the list.
    let frames = 30;
    const focusRow = () => {
      const row = parentRef.current?.querySelector<HTMLElement>(`[data-index="${targetIndex}"]`);
      if (row) row.focus({ preventScroll: false });
      else if (frames-- > 0) requestAnimationFrame(focusRow);
    };
    requestAnimationFrame(focusRow);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nonce, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const shown = items.length > 0;
  const reported = useRef(false);
  useEffect(() => {
    if (shown && !reported.current) {
      reported.current = true;
      onFirstRows?.();
    }
  }, [shown, onFirstRows]);

  return (
    <div ref={parentRef} className="tl-scroller" role="list" aria-label="Timeline events" tabIndex={-1}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const sticky = row.type === 'day' && activeDay.current === item.index;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={row.type === 'day' ? 'tl-day' : 'tl-slot'}
              role="listitem"
              aria-current={row.type === 'event' && row.event.id === selectedId ? 'true' : undefined}
              // j/k move focus along the rows; Tab into the list lands on the selected one.
              tabIndex={row.type === 'event' ? (row.event.id === selectedId ? 0 : -1) : undefined}
              style={sticky ? { position: 'sticky', top: 0, zIndex: 2 } : { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {row.type === 'day' ? (
                <h2 className="tl-day-label">
                  {row.label} <span className="muted">· {zoneLabel}</span>
                </h2>
              ) : (
                <EventRow
                  event={row.event}
                  zone={zone}
                  selected={row.event.id === selectedId}
                  reply={row.reply}
                  replies={row.replies}
                  expanded={row.expanded}
                  query={query}
                  reveal={revealed.has(row.event.id)}
                  milestoneLabels={milestonesByEvent.get(row.event.id)}
                  alsoFrom={row.reply ? undefined : sameEvents.get(row.event.id)}
                  actions={actions}
                  aside={eventAside}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
