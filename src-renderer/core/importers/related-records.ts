import { isPagerDutyRecordPart } from './pagerduty-log';

/** Bytes of a file's start that `relatedRecordKey` needs to see. */
export const RELATED_HEAD_BYTES = 64 * 1024;

/**
 * Files exported separately that together make one record (a PagerDuty incident's log entries,
 * notes, incident object and webhooks) share a key here, judged from each file's first bytes, so
 * that the import treats them as one source whether they were picked as a folder or one by one.
 * Null for a file that stands alone.
 */
export function relatedRecordKey(head: string): string | null {
  if (isPagerDutyRecordPart(head)) return 'pagerduty';
  return null;
}
