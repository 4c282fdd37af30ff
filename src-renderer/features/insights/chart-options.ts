import uPlot from 'uplot';
import type { ChartTheme } from './chart-theme';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  /** Dashed line (p90 next to a median). */
  dash?: boolean;
}

export interface ChartSpec {
  kind: 'stacked-bars' | 'lines';
  /** One label per x position (months). */
  labels: string[];
  series: ChartSeries[];
  /** Unit shown on the y axis, e.g. "incidents", "min". */
  unit: string;
}

/** Cumulative sums, tallest first, so bars drawn in order read as one stack (first series at the bottom). */
export function stackedSeries(series: readonly ChartSeries[]): ChartSeries[] {
  return series
    .map((s, top) => ({ ...s, values: s.values.map((_, i) => series.slice(0, top + 1).reduce((sum, below) => sum + (below.values[i] ?? 0), 0)) }))
    .reverse();
}

/** Steps the value axis may use: counts and whole minutes, never 0.5 or 0.2. */
const INTEGER_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000, 100000];

/**
 * Value-axis ticks for counts and whole minutes: multiples of the smallest whole step that gives
 * at most `maxTicks` ticks between `min` and `max` (uPlot's own steps would put 0.5 between 0 and 1).
 */
export function integerTicks(min: number, max: number, maxTicks = 6): number[] {
  const low = Math.ceil(Math.max(0, min));
  const high = Math.floor(Math.max(low, max));
  const step = INTEGER_STEPS.find((s) => Math.floor(high / s) - Math.ceil(low / s) + 1 <= maxTicks) ?? Math.ceil((high - low) / maxTicks);
  const ticks: number[] = [];
  for (let tick = Math.ceil(low / step) * step; tick <= high; tick += step) ticks.push(tick);
  return ticks;
}

/** uPlot options and data for a chart spec at a size, in a theme. */
export function chartConfig(spec: ChartSpec, theme: ChartTheme, width: number, height: number): { options: uPlot.Options; data: uPlot.AlignedData } {
  const n = spec.labels.length;
  const drawn = spec.kind === 'stacked-bars' ? stackedSeries(spec.series) : spec.series;
  const bars = uPlot.paths.bars?.({ size: [0.7, 40] });
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(width / 70))));
  const axis = { stroke: theme.muted, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1 } };
  return {
    options: {
      width,
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: spec.kind === 'lines' } },
      scales: { x: { time: false, range: [-0.5, Math.max(0, n - 0.5)] }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
      axes: [
        { ...axis, splits: () => spec.labels.map((_, i) => i).filter((i) => i % every === 0), values: (_u, splits) => splits.map((i) => spec.labels[i] ?? '') },
        { ...axis, label: spec.unit, labelSize: 20, size: 50, splits: (_u, _axis, min, max) => integerTicks(min, max, Math.max(2, Math.floor(height / 40))) },
      ],
      series: [
        {},
        ...drawn.map((s) =>
          spec.kind === 'stacked-bars'
            ? { label: s.label, stroke: s.color, fill: s.color, width: 0, paths: bars, points: { show: false } }
            : { label: s.label, stroke: s.color, width: 2, dash: s.dash ? [6, 4] : undefined, spanGaps: false, points: { show: true, size: 5, fill: s.color } },
        ),
      ],
    },
    data: [spec.labels.map((_, i) => i), ...drawn.map((s) => s.values)] as uPlot.AlignedData,
  };
}
