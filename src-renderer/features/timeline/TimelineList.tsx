import { memo, useCallback, useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { EventRow, type EventAside } from './EventRow';
import type { EventRowActions } from './RowActions';
import { useRowWindow } from './use-row-window';
import type { TimelineEvent } from '@core/model/event';
import type { TimelineRows } from './timeline-rows';

interface TimelineListProps {
  rows: TimelineRows;
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

/**
 * The merged timeline, virtualised: only the rows on screen exist in the DOM. Memoised: the tab
 * re-renders on each filter change before the new rows are ready; the list then does not.
 */
export const TimelineList = memo(function TimelineList({ rows, zone, zoneLabel, selectedId, query, revealed, milestonesByEvent, sameEvents, actions, scrollTo, onFirstRows, eventAside }: TimelineListProps) {
  const parentRef = useRef<HTMLDivElement>(null);
  const dayIndexes = rows.dayIndexes;

  // Stable per `rows`: the window re-reads every row's height only when the list itself changes
  // (a plain loop over the columns: no row object is made).
  const sizesOf = useCallback(
    (measured: ReadonlyMap<string, number>) => {
      const sizes = new Float64Array(rows.length);
      const anyMeasured = measured.size > 0;
      for (let index = 0; index < rows.length; index++) {
        sizes[index] = (anyMeasured ? measured.get(rows.keyAt(index)) : undefined) ?? (rows.isDay(index) ? 34 : 58);
      }
      return sizes;
    },
    [rows],
  );
  const keyOf = useCallback((index: number) => rows.keyAt(index), [rows]);
  // Rows scrolled to must not end up under the sticky day header.
  const { start, end, firstVisible, before, after, measure, scrollToIndex } = useRowWindow(parentRef, { count: rows.length, keyOf, sizesOf, paddingStart: 40 });

  // Scroll only when a new jump is asked for, not on every re-render that rebuilds the object.
  const nonce = scrollTo?.nonce;
  const targetIndex = scrollTo?.index ?? -1;
  const focusTarget = scrollTo?.focus === true;
  useEffect(() => {
    if (nonce === undefined || targetIndex < 0) return;
    scrollToIndex(targetIndex);
    if (!focusTarget) return;
    // The row exists once the window has drawn that stretch; focusing it also scrolls the
    // page itself, so the row stays in the window, not only in the list.
    let frames = 30;
    const focusRow = () => {
      const row = parentRef.current?.querySelector<HTMLElement>(`[data-index="${targetIndex}"]`);
      if (row) row.focus({ preventScroll: false });
      else if (frames-- > 0) requestAnimationFrame(focusRow);
    };
    requestAnimationFrame(focusRow);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nonce, scrollToIndex]);

  // Rows draw their buttons only while worked on: the row pointed at and the row focused last
  // (kept while a dialog opened from it has focus, so focus can return to its button).
  const [pointedId, setPointedId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const eventIdAt = useCallback(
    (event: SyntheticEvent) => {
      const slot = (event.target as Element).closest<HTMLElement>('[data-index]');
      return (slot ? rows.eventAt(Number(slot.dataset.index))?.id : undefined) ?? null;
    },
    [rows],
  );
  const onPointerOver = useCallback((event: SyntheticEvent) => setPointedId(eventIdAt(event)), [eventIdAt]);
  const onFocus = useCallback(
    (event: SyntheticEvent) => {
      const id = eventIdAt(event);
      if (id !== null) setFocusedId(id);
    },
    [eventIdAt],
  );

  const shown = end > start;
  const reported = useRef(false);
  useEffect(() => {
    if (shown && !reported.current) {
      reported.current = true;
      onFirstRows?.();
    }
  }, [shown, onFirstRows]);

  // The day header of the rows on screen stays drawn (and sticky) while its day scrolls by.
  const activeDay = lastAtOrBefore(dayIndexes, firstVisible);
  const activeDayRow = activeDay === undefined ? undefined : rows.at(activeDay);
  const dayLabel = (label: string): ReactNode => (
    <h2 className="tl-day-label">
      {label} <span className="muted">· {zoneLabel}</span>
    </h2>
  );

  const drawn: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    const row = rows.at(index);
    if (!row) continue;
    drawn.push(
      <div
        key={row.key}
        data-index={index}
        ref={measure}
        className={row.type === 'day' ? 'tl-day' : 'tl-slot'}
        role="listitem"
        aria-current={row.type === 'event' && row.event.id === selectedId ? 'true' : undefined}
        // j/k move focus along the rows; Tab into the list lands on the selected one.
        tabIndex={row.type === 'event' ? (row.event.id === selectedId ? 0 : -1) : undefined}
      >
        {row.type === 'day' ? (
          dayLabel(row.label)
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
            active={row.event.id === pointedId || row.event.id === focusedId}
            alsoFrom={row.reply ? undefined : sameEvents.get(row.event.id)}
            actions={actions}
            aside={eventAside}
          />
        )}
      </div>,
    );
  }

  return (
    <div ref={parentRef} className="tl-scroller" role="list" aria-label="Timeline events" tabIndex={-1} onPointerOver={onPointerOver} onPointerLeave={() => setPointedId(null)} onFocus={onFocus}>
      <div className="tl-rows">
        {activeDayRow?.type === 'day' && (
          // Takes no room: it only sticks over the top of the view. Read out once: hidden when its
          // own row is drawn below it.
          <div className="tl-day-sticky" aria-hidden={activeDay !== undefined && activeDay >= start && activeDay < end ? true : undefined}>
            <div className="tl-day">{dayLabel(activeDayRow.label)}</div>
          </div>
        )}
        <div style={{ height: before }} />
        {drawn}
        <div style={{ height: after }} />
      </div>
    </div>
  );
});

/** The last of the ascending `indexes` at or before `index`. */
function lastAtOrBefore(indexes: Int32Array, index: number): number | undefined {
  let low = 0;
  let high = indexes.length - 1;
  let found: number | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = indexes[mid] ?? Infinity;
    if (at <= index) {
      found = at;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
