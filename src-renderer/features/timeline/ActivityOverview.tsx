import { memo, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Milestone } from '@core/model/milestone';
import type { KeyMoment, MinuteBucket } from '@core/timeline/bursts';
import { formatInZone } from '@core/time/format-in-zone';
import { overviewColumns, placeMarkerLabels, stageBands, timeAtX, xOfTime, type TimeRange } from './overview-geometry';

interface ActivityOverviewProps {
  range: TimeRange;
  buckets: MinuteBucket[];
  milestones: Milestone[];
  bursts: KeyMoment[];
  selection: { from: number | null; to: number | null };
  zone: string;
  onSelect: (from: number, to: number) => void;
  onClear: () => void;
}

const HEIGHT = 122;
const TOP = 30;
const AXIS = 16;

/**
 * Events per minute over the whole incident, with stages and milestones; drag to filter a time
 * range. Memoised: it shows the whole incident, so a filter or a search does not redraw it.
 */
export const ActivityOverview = memo(function ActivityOverview({ range, buckets, milestones, bursts, selection, zone, onSelect, onClear }: ActivityOverviewProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | null>(null);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.floor(entry?.contentRect.width ?? 800))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const columns = useMemo(() => overviewColumns(buckets, Math.floor(width / 3)), [buckets, width]);
  const max = Math.max(1, ...columns.map((c) => c.peak));
  const plot = HEIGHT - TOP - AXIS;
  const x = (at: number) => xOfTime(at, width, range);
  const bars = columns
    .filter((c) => c.peak > 0)
    .map((c) => {
      const h = Math.max(1.5, (c.peak / max) * plot);
      return `M${x(c.from).toFixed(1)} ${TOP + plot}v${(-h).toFixed(1)}h${Math.max(1, x(c.to) - x(c.from) - 0.5).toFixed(1)}v${h.toFixed(1)}z`;
    })
    .join('');
  const bands = stageBands(milestones, range.to);
  const ticks = Array.from({ length: 5 }, (_, i) => range.from + ((range.to - range.from) * i) / 4);
  const sameDay = formatInZone(range.from, zone, 'yyyy-MM-dd') === formatInZone(range.to, zone, 'yyyy-MM-dd');

  const localX = (e: PointerEvent) => e.clientX - (e.currentTarget as SVGElement).getBoundingClientRect().left;
  const sel = drag ? { from: timeAtX(Math.min(drag.x0, drag.x1), width, range), to: timeAtX(Math.max(drag.x0, drag.x1), width, range) } : selection;

  return (
    <div ref={wrap} className="tl-overview">
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={`Activity: up to ${max} events per minute. Drag to show only a time range.`}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          setDrag({ x0: localX(e), x1: localX(e) });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, x1: localX(e) })}
        onPointerUp={() => {
          if (drag && Math.abs(drag.x1 - drag.x0) > 4) onSelect(timeAtX(Math.min(drag.x0, drag.x1), width, range), timeAtX(Math.max(drag.x0, drag.x1), width, range));
          setDrag(null);
        }}
        onDoubleClick={onClear}
      >
        {bands.map((band, i) => (
          <g key={`${band.label}-${band.from}`}>
            <rect className={i % 2 === 0 ? 'tl-band' : 'tl-band tl-band-alt'} x={x(band.from)} y={TOP} width={Math.max(0, x(band.to) - x(band.from))} height={plot} />
          </g>
        ))}
        <path className="tl-bars" d={bars} />
        {bursts.map((b) => (
          <rect key={b.peak} className="tl-burst" x={x(b.from)} y={TOP - 4} width={Math.max(3, x(b.to) - x(b.from))} height={4}>
            <title>{`Burst: ${b.count} events in ${Math.round((b.to - b.from) / 60_000)} min`}</title>
          </rect>
        ))}
        {placeMarkerLabels(milestones, x, width).map(({ milestone: m, text, line, anchorEnd }) => (
          <g key={m.id} className="tl-marker">
            <line x1={x(m.at)} x2={x(m.at)} y1={line === 0 ? 13 : 25} y2={TOP + plot} />
            {text !== null && (
              <text x={x(m.at) + (anchorEnd ? -3 : 3)} y={line === 0 ? 11 : 24} textAnchor={anchorEnd ? 'end' : 'start'}>
                {text ? `◆ ${text}` : '◆'}
              </text>
            )}
            <title>{`${m.label} · ${formatInZone(m.at, zone, 'HH:mm:ss')}`}</title>
          </g>
        ))}
        {sel.from !== null && sel.to !== null && <rect className="tl-selection" x={x(sel.from)} y={TOP} width={Math.max(1, x(sel.to) - x(sel.from))} height={plot} />}
        {ticks.map((t, i) => (
          <text key={t} className="tl-tick" x={x(t)} y={HEIGHT - 3} textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}>
            {formatInZone(t, zone, sameDay ? 'HH:mm' : 'd MMM HH:mm')}
          </text>
        ))}
      </svg>
    </div>
  );
});
