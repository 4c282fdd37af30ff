import type { Incident } from '@core/model/incident';
import { formatWithZoneName } from '@core/time/format-in-zone';
import type { AnyPreview } from './worker-protocol';

/** Event count, time range and a few sample lines for formats without choices. */
export function SummaryPreviewPanel({ preview, incident }: { preview: AnyPreview; incident: Incident }) {
  const times = preview.sample.map((event) => event.at);
  const zone = incident.timeZone;
  return (
    <div className="import-preview">
      <p>
        {preview.eventCount === null ? 'Events: counted during the import.' : `${preview.eventCount.toLocaleString('en-US')} events`}
        {times.length > 0 && (
          <span className="muted">
            {' '}
            · samples from {formatWithZoneName(Math.min(...times), zone)} – {formatWithZoneName(Math.max(...times), zone)}
          </span>
        )}
      </p>
      {preview.sample.length > 0 && (
        <ul className="import-sample">
          {preview.sample.slice(0, 5).map((event) => (
            <li key={event.dedupeKey}>
              <time>{formatWithZoneName(event.at, zone, 'MM-dd HH:mm')}</time> <strong>{event.actorName || event.channel || event.kind}</strong> {event.text.slice(0, 160)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
