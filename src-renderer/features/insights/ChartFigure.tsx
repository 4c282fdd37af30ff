import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartConfig, type ChartSpec } from './chart-options';
import { readChartTheme } from './chart-theme';

interface ChartFigureProps {
  title: string;
  spec: ChartSpec;
  /** What the x position holds, read to screen readers and shown under the chart. */
  describe: (index: number) => string;
  /** A click (or Enter) on a position: show the incidents behind it. */
  onPick: (index: number) => void;
  /** The same figures as a table. */
  table: ReactNode;
  height?: number;
}

const DARK = '(prefers-color-scheme: dark)';

/**
 * A chart drawn by uPlot with everything around it that makes it usable without a mouse or
 * sight: a label, a keyboard cursor (arrows move, Enter shows the incidents), a live text of
 * the focused point, a table view, and colours from the theme (redrawn when it changes).
 */
export function ChartFigure({ title, spec, describe, onPick, table, height = 240 }: ChartFigureProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [asTable, setAsTable] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const [dark, setDark] = useState(() => window.matchMedia?.(DARK).matches ?? false);
  const id = useId();
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });
  // New figures (a filter changed) make the focused point mean something else: forget it.
  const [shownSpec, setShownSpec] = useState(spec);
  if (shownSpec !== spec) {
    setShownSpec(spec);
    setActive(null);
  }

  useEffect(() => {
    const media = window.matchMedia?.(DARK);
    if (!media) return;
    const change = () => setDark(media.matches);
    media.addEventListener('change', change);
    return () => media.removeEventListener('change', change);
  }, []);

  useEffect(() => {
    const element = host.current;
    if (!element || asTable) return;
    const { options, data } = chartConfig(spec, readChartTheme(), Math.max(280, element.clientWidth), height);
    const u = new uPlot(options, data, element);
    plot.current = u;
    const click = () => {
      const index = u.cursor.idx;
      if (index !== null && index !== undefined) pick.current(index);
    };
    u.over.addEventListener('click', click);
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(280, element.clientWidth), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      u.over.removeEventListener('click', click);
      u.destroy();
      plot.current = null;
    };
  }, [spec, height, asTable, dark]);

  const move = (index: number) => {
    const n = spec.labels.length;
    if (n === 0) return;
    const next = Math.min(n - 1, Math.max(0, index));
    setActive(next);
    const u = plot.current;
    if (u) u.setCursor({ left: u.valToPos(next, 'x'), top: u.over.clientHeight / 2 });
  };

  return (
    <figure className="ins-chart" aria-labelledby={`${id}-title`}>
      <div className="ins-chart-head">
        <figcaption id={`${id}-title`}>{title}</figcaption>
        <div className="ins-legend" aria-hidden="true">
          {spec.series.map((s) => (
            <span key={s.label}>
              <i style={{ background: s.color }} className={s.dash ? 'dashed' : undefined} /> {s.label}
            </span>
          ))}
        </div>
        <button type="button" className="chip" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
          Table view
        </button>
      </div>
      {asTable ? (
        <div className="ins-table-scroll">{table}</div>
      ) : (
        <>
          <div
            ref={host}
            className="ins-chart-canvas"
            role="img"
            tabIndex={0}
            aria-label={`${title}. ${spec.labels.length} points from ${spec.labels[0] ?? '—'} to ${spec.labels[spec.labels.length - 1] ?? '—'}. Arrow keys move between them, Enter lists the incidents behind one; Table view shows every figure.`}
            onKeyDown={(e) => {
              const at = active ?? -1;
              if (e.key === 'ArrowRight') move(at + 1);
              else if (e.key === 'ArrowLeft') move(at < 0 ? spec.labels.length - 1 : at - 1);
              else if (e.key === 'Home') move(0);
              else if (e.key === 'End') move(spec.labels.length - 1);
              else if (e.key === 'Enter' && active !== null) onPick(active);
              else return;
              e.preventDefault();
            }}
          />
          <p className="ins-chart-focus muted" aria-live="polite">
            {active !== null ? describe(active) : 'Click a point or focus the chart and use the arrow keys to see the incidents behind it.'}
          </p>
        </>
      )}
    </figure>
  );
}
