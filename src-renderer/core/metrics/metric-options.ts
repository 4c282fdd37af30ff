import { z } from 'zod';

/**
 * What ends customer impact when no Impact end milestone says so. Teams differ: for some the
 * impact is over once the fix is out (Mitigate), for most once the service is back under
 * control. One app-wide setting, read by every place that shows a metric.
 */
export const IMPACT_END_DEFAULTS = ['Under Control', 'Mitigate'] as const;
export type ImpactEndDefault = (typeof IMPACT_END_DEFAULTS)[number];

export const metricOptionsSchema = z.object({
  impactEndDefault: z.enum(IMPACT_END_DEFAULTS).catch('Under Control'),
});
export type MetricOptions = z.infer<typeof metricOptionsSchema>;

export const DEFAULT_METRIC_OPTIONS: MetricOptions = { impactEndDefault: 'Under Control' };
/** Settings key of the metric options. */
export const METRIC_OPTIONS_KEY = 'metrics-options';
