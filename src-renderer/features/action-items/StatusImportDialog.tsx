import { useState } from 'react';
import type { ActionItem } from '@core/model/action-item';
import type { Person } from '@core/model/person';
import type { FieldChange, StatusImportPlan } from '@core/action-items/status-import';
import { Dialog } from '@ui/Dialog';
import { useToast } from '@ui/toast-context';
import { formatDayOrNone } from './format-due';
import { applyItemFieldChanges } from '@data/action-items';
import { chosenChanges, conflictKey } from './status-import-apply';
import { STATUS_LABEL } from './status-keys';

interface Props {
  fileName: string;
  plan: StatusImportPlan;
  items: readonly ActionItem[];
  people: readonly Person[];
  timeZone: string;
  onClose: () => void;
}

const FIELD_LABEL: Record<FieldChange['field'], string> = { status: 'Status', owner: 'Owner', dueAt: 'Due date' };

function describe(change: FieldChange, timeZone: string): [string, string] {
  switch (change.field) {
    case 'status':
      return [STATUS_LABEL[change.from], STATUS_LABEL[change.to]];
    case 'owner':
      return [change.from || 'Unassigned', change.to];
    case 'dueAt':
      return [formatDayOrNone(change.from, timeZone), formatDayOrNone(change.to, timeZone)];
  }
}

/** Preview of a status-update CSV: nothing is written until "Apply". */
export function StatusImportDialog({ fileName, plan, items, people, timeZone, onClose }: Props) {
  const toast = useToast();
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const titleOf = new Map(items.map((i) => [i.id, i.title]));
  const chosen = chosenChanges(plan, accepted);
  const count = chosen.reduce((n, c) => n + c.changes.length, 0);
  const conflicts = plan.items.reduce((n, p) => n + p.conflicts.length, 0);

  const apply = async () => {
    const written = await applyItemFieldChanges(chosen, people);
    toast.show({ message: `Updated ${written.length} action item${written.length === 1 ? '' : 's'} from ${fileName}.`, tone: 'success' });
    onClose();
  };

  return (
    <Dialog open title={`Status updates from ${fileName}`} onClose={onClose} wide>
      <div className="ai-import">
        <p>
          {plan.items.length} item{plan.items.length === 1 ? '' : 's'} with changes
          {conflicts > 0 && `, ${conflicts} conflict${conflicts === 1 ? '' : 's'}`}, {plan.unchanged.length} unchanged
          {plan.unknown.length > 0 && `, ${plan.unknown.length} unknown`}
          {plan.errors.length > 0 && `, ${plan.errors.length} row problem${plan.errors.length === 1 ? '' : 's'}`}.
        </p>
        {!plan.conflictCheck && (
          <p className="ai-warning" role="note">
            This file has no “Debrief Updated” column, so edits made in Debrief since the export cannot be detected: every change below will overwrite what is here.
          </p>
        )}
        {plan.items.length > 0 && (
          <div className="ai-change-scroll">
            <table className="ai-change-table">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Item</th>
                  <th scope="col">Field</th>
                  <th scope="col">In Debrief</th>
                  <th scope="col">In the file</th>
                  <th scope="col">Apply</th>
                </tr>
              </thead>
              <tbody>
                {plan.items.flatMap((p) => [
                  ...p.changes.map((c) => {
                    const [from, to] = describe(c, timeZone);
                    return (
                      <tr key={`${p.itemId}:${c.field}`}>
                        <td>{p.line}</td>
                        <td>{titleOf.get(p.itemId)}</td>
                        <td>{FIELD_LABEL[c.field]}</td>
                        <td>{from}</td>
                        <td>{to}</td>
                        <td>Yes</td>
                      </tr>
                    );
                  }),
                  ...p.conflicts.map((c) => {
                    const [from, to] = describe(c, timeZone);
                    const key = conflictKey(p.itemId, c.field);
                    const title = titleOf.get(p.itemId);
                    return (
                      <tr key={key} className="ai-conflict">
                        <td>{p.line}</td>
                        <td>
                          {title} <span className="ai-conflict-tag">Conflict: changed in Debrief since the export</span>
                        </td>
                        <td>{FIELD_LABEL[c.field]}</td>
                        <td>{from}</td>
                        <td>{to}</td>
                        <td>
                          <label className="inline-field">
                            <input
                              type="checkbox"
                              checked={accepted.has(key)}
                              onChange={(e) => {
                                const next = new Set(accepted);
                                if (e.target.checked) next.add(key);
                                else next.delete(key);
                                setAccepted(next);
                              }}
                            />
                            Use theirs<span className="sr-only"> for {FIELD_LABEL[c.field]} of {title}</span>
                          </label>
                        </td>
                      </tr>
                    );
                  }),
                ])}
              </tbody>
            </table>
          </div>
        )}
        {plan.unknown.length > 0 && (
          <div>
            <h3>Not found in Debrief (skipped)</h3>
            <ul className="ai-problems">
              {plan.unknown.map((u) => (
                <li key={`${u.line}:${u.key}`}>
                  line {u.line}: no action item matches “{u.key}”
                </li>
              ))}
            </ul>
          </div>
        )}
        {plan.errors.length > 0 && (
          <div>
            <h3>Rows that could not be read (skipped)</h3>
            <ul className="ai-problems">
              {plan.errors.map((e, i) => (
                <li key={i}>{e.describe()}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={count === 0} onClick={() => void apply()}>
            {count === 0 ? 'Nothing to apply' : `Apply ${count} change${count === 1 ? '' : 's'}`}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
