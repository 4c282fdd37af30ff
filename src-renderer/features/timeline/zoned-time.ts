import { formatInZone } from '@core/time/format-in-zone';

/** datetime-local text with seconds, so an event's milestone keeps its exact second. */
export function toLocalInputSeconds(ms: number, zone: string): string {
  return formatInZone(ms, zone, "yyyy-MM-dd'T'HH:mm:ss");
}
