import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { RowOffsets } from './row-offsets';

/** Rows drawn beyond each edge of the scroller, in pixels (keyboard and wheel steps land on drawn rows). */
const OVERSCAN_PX = 360;

export interface RowWindow {
  /** First and one-past-last row in the DOM. */
  start: number;
  end: number;
  /** First row whose box reaches below the sticky header (its day header sticks above it). */
  firstVisible: number;
  /** Space standing in for the rows before `start` and after `end`. */
  before: number;
  after: number;
  /** Callback ref for each drawn row element (it must carry `data-index`). */
  measure: (element: HTMLElement | null) => (() => void) | undefined;
  /** Scrolls so that row `index` is in view, below `paddingStart` pixels of sticky header. */
  scrollToIndex: (index: number) => void;
}

interface RowWindowOptions {
  count: number;
  /** A stable key per row: measured heights follow the row when the list changes (filters, threads). */
  keyOf: (index: number) => string;
  /** Every row's height: the measured one by key, else the height a row is drawn at before it is measured. */
  sizesOf: (measured: ReadonlyMap<string, number>) => Float64Array;
  paddingStart: number;
}

interface Range {
  start: number;
  end: number;
  firstVisible: number;
}

/** What the scroll and resize handlers read: written after each render, never during one. */
interface Live {
  offsets: RowOffsets;
  keyOf: (index: number) => string;
  range: Range;
  viewHeight: number;
  observer: ResizeObserver | null;
}

/**
 * The virtualised window of the Timeline: only rows near the view exist, laid out in normal flow
 * between two spacers, so a row's real height moves the rows after it without any script. Heights
 * are measured by one ResizeObserver and kept per row key; offsets come from RowOffsets (no pass
 * over every row per measurement). A row that grows above the view moves the scroll position by
 * as much, so what is on screen stays put.
 */
export function useRowWindow(scrollerRef: RefObject<HTMLElement | null>, { count, keyOf, sizesOf, paddingStart }: RowWindowOptions): RowWindow {
  const [measured] = useState(() => new Map<string, number>());
  const offsets = useMemo(() => new RowOffsets(sizesOf(measured)), [measured, sizesOf]);
  const [range, setRange] = useState<Range>(() => ({ start: 0, end: Math.min(count, 20), firstVisible: 0 }));
  const live = useRef<Live>({ offsets, keyOf, range, viewHeight: 0, observer: null });

  const update = useCallback(
    (sync: boolean) => {
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const { offsets: rows, range: now, viewHeight } = live.current;
      const top = scroller.scrollTop;
      const next = {
        start: rows.indexAt(top - OVERSCAN_PX),
        end: Math.min(rows.count, rows.indexAt(top + viewHeight + OVERSCAN_PX) + 1),
        firstVisible: rows.indexAt(top + paddingStart),
      };
      if (next.start === now.start && next.end === now.end && next.firstVisible === now.firstVisible) return;
      live.current.range = next;
      // Drawn before this frame paints, so a fast scroll never shows the spacers.
      if (sync) flushSync(() => setRange(next));
      else setRange(next);
    },
    [scrollerRef, paddingStart],
  );

  // A new list (filter, search, thread opened) keeps the scroll position; the window follows it.
  useLayoutEffect(() => {
    live.current.offsets = offsets;
    live.current.keyOf = keyOf;
    update(false);
  }, [offsets, keyOf, update]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const onScroll = () => update(true);
    const sized = new ResizeObserver((entries) => {
      live.current.viewHeight = entries[0]?.contentRect.height ?? scroller.clientHeight;
      update(false);
    });
    live.current.viewHeight = scroller.clientHeight;
    sized.observe(scroller);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    update(false);
    return () => {
      sized.disconnect();
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [scrollerRef, update]);

  // One observer for every drawn row; it reports after layout, before paint.
  const onResize = useCallback(
    (entries: ResizeObserverEntry[]) => {
      const scroller = scrollerRef.current;
      const { offsets: rows, keyOf: keyAt } = live.current;
      let shift = 0;
      let resized = false;
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        if (!element.isConnected) continue;
        const index = Number(element.dataset.index);
        const size = entry.borderBoxSize[0]?.blockSize ?? element.offsetHeight;
        measured.set(keyAt(index), size);
        const delta = rows.setSize(index, size);
        if (delta !== 0) resized = true;
        if (delta !== 0 && scroller && element.offsetTop < scroller.scrollTop) shift += delta;
      }
      if (shift !== 0 && scroller) scroller.scrollTop += shift;
      // Rows that shrank (the window widened, a long text was folded) leave room below them: the
      // window takes in the rows that now fit, instead of a blank spacer until the next scroll.
      if (resized) update(false);
    },
    [scrollerRef, measured, update],
  );
  useEffect(() => () => live.current.observer?.disconnect(), []);

  const measure = useCallback(
    (element: HTMLElement | null) => {
      if (!element || typeof ResizeObserver === 'undefined') return undefined;
      const observer = (live.current.observer ??= new ResizeObserver(onResize));
      observer.observe(element);
      return () => observer.unobserve(element);
    },
    [onResize],
  );

  const scrollToIndex = useCallback(
    (index: number) => {
      const scroller = scrollerRef.current;
      const rows = live.current.offsets;
      if (!scroller || index < 0 || index >= rows.count) return;
      const top = rows.offsetOf(index);
      const bottom = top + rows.size(index);
      if (top < scroller.scrollTop + paddingStart) scroller.scrollTop = top - paddingStart;
      else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
      update(true);
    },
    [scrollerRef, paddingStart, update],
  );

  const end = Math.min(range.end, count);
  const start = Math.min(range.start, end);
  return {
    start,
    end,
    firstVisible: Math.min(range.firstVisible, Math.max(0, count - 1)),
    before: offsets.offsetOf(start),
    after: Math.max(0, offsets.total - offsets.offsetOf(end)),
    measure,
    scrollToIndex,
  };
}
