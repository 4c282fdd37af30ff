import { formatInZone } from '@core/time/format-in-zone';
import { fromLocalInputValue, toLocalInputValue } from '@core/time/zoned-input';

interface TimeRangeMenuProps {
  from: number | null;
  to: number | null;
  zone: string;
  zoneLabel: string;
  onChange: (from: number | null, to: number | null) => void;
}

/** The time-range filter as typed times; dragging on the activity overview sets the same range. */
export function TimeRangeMenu({ from, to, zone, zoneLabel, onChange }: TimeRangeMenuProps) {
  const summary = from === null && to === null ? 'Whole incident' : `${from === null ? '…' : formatInZone(from, zone, 'd MMM HH:mm')} – ${to === null ? '…' : formatInZone(to, zone, 'd MMM HH:mm')}`;
  return (
    <details className="tl-checklist">
      <summary aria-label={`Time: ${summary}`}>
        <span className="muted">Time</span> {summary}
      </summary>
      <div className="tl-checklist-menu tl-range-menu">
        <label>
          From ({zoneLabel})
          <input type="datetime-local" step={1} value={toLocalInputValue(from, zone)} onChange={(e) => onChange(validTime(e.target.value, zone), to)} />
        </label>
        <label>
          To ({zoneLabel})
          <input type="datetime-local" step={1} value={toLocalInputValue(to, zone)} onChange={(e) => onChange(from, validTime(e.target.value, zone))} />
        </label>
        <p className="muted tl-hint">Or drag across the activity chart above.</p>
        {(from !== null || to !== null) && (
          <button type="button" className="link-button" onClick={() => onChange(null, null)}>
            Whole incident
          </button>
        )}
      </div>
    </details>
  );
}

function validTime(value: string, zone: string): number | null {
  const at = fromLocalInputValue(value, zone);
  return at === null || Number.isNaN(at) ? null : at;
}
