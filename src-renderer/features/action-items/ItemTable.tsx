import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ActionItem } from '@core/model/action-item';
import type { Person } from '@core/model/person';
import { localDateKey } from '@core/action-items/due-date';
import type { SlaPolicy } from '@core/action-items/sla-policy';
import { SeverityBadge } from '@ui/SeverityBadge';
import { routeHref, timelineEventRoute } from '@ui/route';
import { TrashIcon } from '@ui/icons';
import type { ItemRow, RowGroup } from './item-filters';
import { SlaBadge } from './SlaBadge';
import { nextStatus, statusForDigit, STATUS_LABEL, KIND_LABEL } from './status-keys';
import { parseTrackerLink } from '@core/action-items/tracker-link';
import type { ItemActions } from './use-item-actions';
import { formatDay } from './format-due';

interface ItemTableProps {
  groups: RowGroup[];
  showIncident: boolean;
  policy: SlaPolicy;
  timeZone: string;
  people: readonly Person[];
  actions: ItemActions;
  onEdit: (item: ActionItem) => void;
  /** Focus moves to this item's row (after a dialog closes, or from the banner); a new object each time. */
  focusRequest?: { id: string } | null;
  label: string;
}

/** The row of an action item, for focusing it once it shows. */
export const rowSelector = (id: string) => `tr[data-item-id="${CSS.escape(id)}"]`;

/**
 * One row per item, one tab stop for the whole list (roving tabindex): arrows or j/k move,
 * single keys edit the focused row. Keys typed inside the row's fields stay with the fields.
 */
export function ItemTable({ groups, showIncident, policy, timeZone, people, actions, onEdit, focusRequest, label }: ItemTableProps) {
  const rows = groups.flatMap((g) => g.rows);
  const [activeId, setActiveId] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const current = rows.find((r) => r.item.id === activeId) ? activeId : (rows[0]?.item.id ?? null);

  useEffect(() => {
    if (!focusRequest) return;
    // Focusing the row makes it the active one through its onFocus.
    tableRef.current?.querySelector<HTMLElement>(rowSelector(focusRequest.id))?.focus();
  }, [focusRequest]);

  const focusRow = (id: string) => {
    setActiveId(id);
    tableRef.current?.querySelector<HTMLElement>(rowSelector(id))?.focus();
  };
  const focusField = (id: string, field: 'owner' | 'due') => {
    tableRef.current?.querySelector<HTMLInputElement>(`${rowSelector(id)} [data-field="${field}"]`)?.focus();
  };

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, row: ItemRow, index: number) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const { item } = row;
    const move = (to: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (next) focusRow(next.item.id);
    };
    const digit = statusForDigit(event.key);
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
        case 'j':
          move(index + 1);
          return true;
        case 'ArrowUp':
        case 'k':
          move(index - 1);
          return true;
        case 'Home':
          move(0);
          return true;
        case 'End':
          move(rows.length - 1);
          return true;
        case 's':
          actions.setStatus(item, nextStatus(item.status));
          return true;
        case 'p':
          actions.cyclePriority(item);
          return true;
        case 'o':
          focusField(item.id, 'owner');
          return true;
        case 'd':
          focusField(item.id, 'due');
          return true;
        case 'Enter':
          onEdit(item);
          return true;
        case 'Delete':
          move(index + 1 < rows.length ? index + 1 : index - 1);
          actions.remove(item);
          return true;
        default:
          if (digit) {
            actions.setStatus(item, digit);
            return true;
          }
          return false;
      }
    })();
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  // Enter keeps the edit (saved on blur), Escape drops it; both hand focus back to the row.
  const fieldKeys = (event: KeyboardEvent<HTMLInputElement>, itemId: string) => {
    if (event.key === 'Escape' || event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      if (event.key === 'Escape') event.currentTarget.value = event.currentTarget.defaultValue;
      focusRow(itemId);
    }
  };

  const indexOf = new Map(rows.map((r, i) => [r.item.id, i]));
  return (
    <>
    <table className="ai-table" ref={tableRef} aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Action item</th>
          {showIncident && <th scope="col">Incident</th>}
          <th scope="col">Owner</th>
          <th scope="col">Priority</th>
          <th scope="col">Status</th>
          <th scope="col">Due</th>
          <th scope="col">SLA</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.key}>
          {groups.length > 1 && (
            <tr className="ai-group-row">
              <th scope="rowgroup" colSpan={showIncident ? 8 : 7}>
                {group.label} <span className="muted">({group.rows.length})</span>
              </th>
            </tr>
          )}
          {group.rows.map((row) => {
            const rowIndex = indexOf.get(row.item.id) ?? 0;
            const { item } = row;
            const link = parseTrackerLink(item.trackerUrl);
            return (
              <tr
                key={item.id}
                data-item-id={item.id}
                className={`ai-row ai-row-${row.state}`}
                tabIndex={item.id === current ? 0 : -1}
                aria-label={`${item.title}, ${item.priority}, ${STATUS_LABEL[item.status]}`}
                onFocus={(e) => e.target === e.currentTarget && setActiveId(item.id)}
                onKeyDown={(e) => onRowKey(e, row, rowIndex)}
                onDoubleClick={() => onEdit(item)}
              >
                <td className="ai-title-cell">
                  <button type="button" className="link-button ai-title" tabIndex={-1} onClick={() => onEdit(item)}>
                    {item.title}
                  </button>
                  <span className="ai-meta muted">
                    {KIND_LABEL[item.kind]}
                    {item.eventIds[0] !== undefined && (
                      <>
                        {' · '}
                        {/* The moment the item came from, on the incident's Timeline (the first, when there are several). */}
                        <a href={routeHref(timelineEventRoute(item.incidentId, item.eventIds[0]))} tabIndex={-1} className="ai-event-link" title="Open on the Timeline">
                          {item.eventIds.length} event{item.eventIds.length === 1 ? '' : 's'}
                        </a>
                      </>
                    )}
                    {item.annotationIds.length > 0 && ` · ${item.annotationIds.length} annotation${item.annotationIds.length === 1 ? '' : 's'}`}
                    {link.ok && link.link && (
                      <>
                        {' · '}
                        <a href={link.link.url} target="_blank" rel="noreferrer noopener" tabIndex={-1} className={`ai-tracker ai-tracker-${link.link.kind}`}>
                          {link.link.label}
                        </a>
                      </>
                    )}
                    {item.status === 'wont-do' && item.wontDoReason && ` · ${item.wontDoReason}`}
                  </span>
                </td>
                {showIncident && (
                  <td className="ai-incident-cell">
                    {row.incident ? (
                      <a href={`#/incidents/${encodeURIComponent(row.incident.id)}/actions`} tabIndex={-1}>
                        <SeverityBadge severity={row.incident.severity} /> {row.incident.title}
                      </a>
                    ) : (
                      <span className="muted">Unknown incident</span>
                    )}
                  </td>
                )}
                <td>
                  <input
                    key={`${item.id}:${item.ownerName}`}
                    className="ai-owner-input"
                    data-field="owner"
                    tabIndex={-1}
                    list="ai-people"
                    defaultValue={item.ownerName}
                    placeholder="Unassigned"
                    aria-label={`Owner of ${item.title}`}
                    onBlur={(e) => actions.setOwner(item, e.target.value)}
                    onKeyDown={(e) => fieldKeys(e, item.id)}
                  />
                </td>
                <td>
                  <span className={`ai-priority ai-priority-${item.priority.toLowerCase()}`} title={policy.priorityLabels[item.priority]}>
                    {item.priority} <span className="ai-priority-label">{policy.priorityLabels[item.priority]}</span>
                  </span>
                </td>
                <td>
                  <span className={`ai-status ai-status-${item.status}`}>{STATUS_LABEL[item.status]}</span>
                </td>
                <td className="ai-due-cell">
                  <input
                    key={`${item.id}:${item.dueAt}`}
                    type="date"
                    data-field="due"
                    tabIndex={-1}
                    defaultValue={item.dueAt === null ? '' : localDateKey(item.dueAt, timeZone)}
                    aria-label={`Due date of ${item.title}`}
                    title={item.dueAt === null ? undefined : formatDay(item.dueAt, timeZone)}
                    onBlur={(e) => actions.setDueDay(item, e.target.value)}
                    onKeyDown={(e) => fieldKeys(e, item.id)}
                  />
                  {item.dueSetByHand && (
                    <button type="button" className="link-button ai-reset" tabIndex={-1} onClick={() => actions.resetDue(item)} title="Due date set by hand; reset it to the SLA">
                      by hand · reset
                    </button>
                  )}
                </td>
                <td>
                  <SlaBadge state={row.state} />
                </td>
                <td className="ai-row-actions">
                  <button type="button" className="icon-button danger" tabIndex={-1} onClick={() => actions.remove(item)} title="Delete (can be undone)">
                    <TrashIcon />
                    <span className="sr-only">Delete {item.title}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
    <datalist id="ai-people">
      {people.map((p) => (
        <option key={p.id} value={p.displayName} />
      ))}
    </datalist>
    </>
  );
}

/** The keys, shown next to every list. */
export function KeyboardHint() {
  return (
    <p className="ai-keys">
        <strong>Keyboard</strong> <kbd>Tab</kbd> into the list, then <kbd>j</kbd>/<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> move · <kbd>s</kbd> next status · <kbd>1</kbd>–<kbd>5</kbd> open, in
        progress, blocked, done, won't do · <kbd>p</kbd> next priority · <kbd>o</kbd> owner · <kbd>d</kbd> due date · <kbd>Enter</kbd> edit · <kbd>Delete</kbd> delete (undo) ·{' '}
        <kbd>Esc</kbd> back to the row · <kbd>a</kbd> new item
    </p>
  );
}
