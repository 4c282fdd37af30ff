import { useState } from 'react';
import { SLA_STATE_LABEL } from '@core/action-items/sla-state';
import { formatDay } from './format-due';
import type { ItemRow } from './item-filters';
import { attentionRows, isSnoozed, type Snoozes } from './notification-plan';
import { snoozeItem, unsnoozeItem } from './notify-store';

const SHOWN = 5;

/** What needs attention now, with snoozes that also quiet the desktop notifications. */
export function AttentionBanner({ rows, snoozes, now, timeZone, onFocusItem }: { rows: readonly ItemRow[]; snoozes: Snoozes; now: number; timeZone: string; onFocusItem: (id: string) => void }) {
  const [showAll, setShowAll] = useState(false);
  const list = attentionRows(rows, snoozes, now);
  const snoozed = rows.filter((r) => (r.state === 'due-soon' || r.state === 'overdue') && isSnoozed(r.item.id, snoozes, now));
  if (list.length === 0 && snoozed.length === 0) return null;
  const overdue = list.filter((r) => r.state === 'overdue').length;
  const visible = showAll ? list : list.slice(0, SHOWN);
  return (
    <section className={`ai-banner ${overdue ? 'ai-banner-overdue' : ''}`} aria-label="Needs attention">
      <h2>
        {list.length === 0
          ? 'Nothing needs attention'
          : `${list.length} action item${list.length === 1 ? '' : 's'} need${list.length === 1 ? 's' : ''} attention: ${overdue} overdue, ${list.length - overdue} due soon`}
      </h2>
      {list.length > 0 && (
        <ul>
          {visible.map((r) => (
            <li key={r.item.id}>
              <button type="button" className="link-button" onClick={() => onFocusItem(r.item.id)}>
                {r.item.title}
              </button>{' '}
              <span className="muted">
                {SLA_STATE_LABEL[r.state]} · due {formatDay(r.item.dueAt ?? now, timeZone)}
                {r.item.ownerName && ` · ${r.item.ownerName}`}
              </span>
              <span className="ai-snooze">
                <button type="button" className="link-button" onClick={() => void snoozeItem(r.item.id, 'day', now)} aria-label={`Snooze 1 day: “${r.item.title}”`}>
                  Snooze 1 day
                </button>
                <button type="button" className="link-button" onClick={() => void snoozeItem(r.item.id, 'week', now)} aria-label={`1 week snooze: “${r.item.title}”`}>
                  1 week
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${list.length}`}
        </button>
      )}
      {snoozed.length > 0 && (
        <p className="muted">
          Snoozed: {snoozed.map((r, i) => (
            <span key={r.item.id}>
              {i > 0 && ', '}“{r.item.title}” until {formatDay(snoozes[r.item.id] ?? now, timeZone)}{' '}
              <button type="button" className="link-button" onClick={() => void unsnoozeItem(r.item.id)} aria-label={`Stop snoozing “${r.item.title}”`}>
                (unsnooze)
              </button>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
