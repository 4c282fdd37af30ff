import { DEFAULT_METRIC_OPTIONS, METRIC_OPTIONS_KEY, metricOptionsSchema, type MetricOptions } from '@core/metrics/metric-options';
import { useSetting } from '@data/settings';

/** The team's metric settings (app-wide), as the Metrics panel and the postmortem read them. */
export function useMetricOptions(): { value: MetricOptions; set: (next: MetricOptions) => void } {
  return useSetting(METRIC_OPTIONS_KEY, metricOptionsSchema, DEFAULT_METRIC_OPTIONS);
}
