import type { ActionItem } from '@core/model/action-item';
import { formatWithZoneName } from '@core/time/format-in-zone';
import { useFieldHistory, type FieldWriteShown } from '@data/sync';
import { KIND_LABEL, STATUS_LABEL } from './status-keys';
import { formatDayOrNone } from './format-due';

/** The fields a teammate can change, named as the editor names them. */
const FIELD_LABEL: Partial<Record<keyof ActionItem, string>> = {
  title: 'Title',
  description: 'Description',
  ownerName: 'Owner',
  priority: 'Priority',
  status: 'Status',
  wontDoReason: 'Why won’t it be done',
  kind: 'Kind',
  dueAt: 'Due',
  trackerUrl: 'Tracker link',
};
const FIELDS = Object.keys(FIELD_LABEL);

function describeValue(field: string, value: unknown, timeZone: string): string {
  if (field === 'status') return STATUS_LABEL[value as ActionItem['status']] ?? String(value);
  if (field === 'kind') return KIND_LABEL[value as ActionItem['kind']] ?? String(value);
  if (field === 'dueAt') return formatDayOrNone(typeof value === 'number' ? value : null, timeZone);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === '' ? '(empty)' : text;
}

function Write({ field, write, timeZone }: { field: string; write: FieldWriteShown; timeZone: string }) {
  return (
    <>
      <q>{describeValue(field, write.value, timeZone)}</q>{' '}
      <span className="muted">
        by {write.by || 'a teammate'}, {formatWithZoneName(write.at, timeZone)}
      </span>
    </>
  );
}

/**
 * A shared item's fields that two people changed: the later change is the value, and the one
 * it replaced is shown here so nobody's edit disappears unseen. Nothing when the incident is not
 * shared or nobody disagreed.
 */
export function ItemHistory({ incidentId, itemId, timeZone }: { incidentId: string; itemId: string; timeZone: string }) {
  const entries = useFieldHistory(incidentId, 'actionItems', itemId, FIELDS);
  if (entries.length === 0) return null;
  return (
    <section className="ai-history" aria-label="History">
      <h3>History</h3>
      <p className="muted ai-hint">Changed by two people: the later change is kept, the other one is listed here.</p>
      <ul>
        {entries.map((entry) => (
          <li key={entry.field}>
            <strong>{FIELD_LABEL[entry.field as keyof ActionItem] ?? entry.field}:</strong> <Write field={entry.field} write={entry.current} timeZone={timeZone} />
            {entry.others.map((other) => (
              <div key={`${other.by}-${other.at}`} className="ai-history-other">
                replaced <Write field={entry.field} write={other} timeZone={timeZone} />
              </div>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
