import type { DueDateChange } from '@core/action-items/recompute';
import { formatDay, formatDayOrNone } from './format-due';

interface Props {
  moves: readonly DueDateChange[];
  itemTitle(itemId: string): string | undefined;
  incidentTitle(incidentId: string): string | undefined;
  timeZone: string;
}

/** The preview every change that moves due dates shows before it is saved (SLA policy, incident dates). */
export function DueMovesTable({ moves, itemTitle, incidentTitle, timeZone }: Props) {
  if (moves.length === 0) return <p>No open item's due date changes.</p>;
  return (
    <>
      <p>
        {moves.length} due date{moves.length === 1 ? '' : 's'} will move:
      </p>
      <div className="ai-change-scroll">
        <table className="ai-change-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Incident</th>
              <th scope="col">Old due</th>
              <th scope="col">New due</th>
            </tr>
          </thead>
          <tbody>
            {moves.map((c) => (
              <tr key={c.itemId}>
                <td>{itemTitle(c.itemId)}</td>
                <td>{incidentTitle(c.incidentId)}</td>
                <td>{formatDayOrNone(c.oldDueAt, timeZone)}</td>
                <td>{formatDay(c.newDueAt, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
