import type { AnnotationTarget } from '@core/model/annotation';
import type { TimelineEvent } from '@core/model/event';
import { formatInZone, formatWithZoneName } from '@core/time/format-in-zone';
import { redactedText } from '@core/timeline/redaction';

const MAX_QUOTE = 80;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat;
}

/** What an annotation is about, in words: "Whole incident", "Event 23:58 · Priya: “rolling back”". */
export function targetLabel(target: AnnotationTarget, event: Pick<TimelineEvent, 'at' | 'actorName' | 'text' | 'redacted' | 'redactions'> | undefined, zone: string): string {
  switch (target.type) {
    case 'incident':
      return 'Whole incident';
    case 'range':
      return `Time range ${formatInZone(target.from, zone, 'yyyy-MM-dd HH:mm')} – ${formatWithZoneName(target.to, zone)}`;
    case 'event': {
      if (!event) return 'Event no longer on the timeline';
      const who = event.actorName ? `${event.actorName}: ` : '';
      return `Event ${formatWithZoneName(event.at, zone, 'yyyy-MM-dd HH:mm:ss')} · ${who}“${quote(redactedText(event))}”`;
    }
  }
}
