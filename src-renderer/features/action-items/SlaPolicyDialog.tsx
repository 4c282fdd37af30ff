import { FormFooter } from '@ui/FormFooter';
import { useId, useState } from 'react';
import { PRIORITIES, type ActionItem, type Priority } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import { dueMoves, planPolicyChange, type RecomputePlan } from '@core/action-items/recompute';
import { parseSlaPolicy, SLA_PRESET_IDS, SLA_UNITS, slaPreset, type SlaPolicy, type SlaPresetId, type SlaUnit } from '@core/action-items/sla-policy';
import { SlaError } from '@core/action-items/sla-error';
import { Dialog } from '@ui/Dialog';
import { useToast } from '@ui/toast-context';
import { DueMovesTable } from './DueMovesTable';
import { applyDueChanges, writeSlaPolicy, useAllActionItems } from '@data/action-items';

const PRESET_LABEL: Record<SlaPresetId, string> = {
  debrief: 'Debrief (7 / 30 / 90 / 180 days)',
  atlassian: 'Atlassian handbook (4 / 4 / 8 / 8 weeks)',
  pagerduty: 'PagerDuty (15 / 30 / 90 / 180 days)',
  custom: 'Custom',
};
const UNIT_LABEL: Record<SlaUnit, string> = { 'calendar-days': 'calendar days', 'business-days': 'business days' };

interface Props {
  policy: SlaPolicy;
  timeZone: string;
  onClose: () => void;
}

const NO_ITEMS: readonly ActionItem[] = [];
const NO_INCIDENTS: ReadonlyMap<string, Incident> = new Map();

/** Holidays one per line (or comma separated); returns the bad entries with their line. */
function parseHolidays(text: string): { dates: string[]; bad: string[] } {
  const entries = text.split(/[\n,]/).map((t, i) => ({ t: t.trim(), line: i + 1 }));
  const dates: string[] = [];
  const bad: string[] = [];
  for (const { t, line } of entries) {
    if (!t) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(`${t}T12:00:00Z`))) dates.push(t);
    else bad.push(`entry ${line} "${t}"`);
  }
  return { dates, bad };
}

/** The policy is global, so a change is previewed against every incident's items, not one tab's. */
export function SlaPolicyDialog({ policy, timeZone, onClose }: Props) {
  const all = useAllActionItems();
  const items = all?.items ?? NO_ITEMS;
  const incidents = all?.incidents ?? NO_INCIDENTS;
  const id = useId();
  const toast = useToast();
  const [draft, setDraft] = useState<SlaPolicy>(() => structuredClone(policy));
  const [holidays, setHolidays] = useState(policy.holidays.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ policy: SlaPolicy; plan: RecomputePlan } | null>(null);
  const titleOf = new Map(items.map((i) => [i.id, i.title]));

  const edit = (change: (p: SlaPolicy) => void) =>
    setDraft((p) => {
      const next = structuredClone(p);
      change(next);
      next.preset = 'custom';
      return next;
    });

  const review = () => {
    if (!all) return;
    const parsedHolidays = parseHolidays(holidays);
    if (parsedHolidays.bad.length) {
      setError(`Holidays must be dates written YYYY-MM-DD; fix ${parsedHolidays.bad.join(', ')}.`);
      return;
    }
    let next: SlaPolicy;
    try {
      next = parseSlaPolicy({ ...draft, holidays: parsedHolidays.dates });
    } catch (e) {
      if (!(e instanceof SlaError)) throw e;
      setError(e.message);
      return;
    }
    setError(null);
    setPreview({ policy: next, plan: planPolicyChange(items, incidents, next, timeZone) });
  };

  const apply = async () => {
    if (!preview) return;
    await writeSlaPolicy(preview.policy);
    const moved = await applyDueChanges(preview.plan.changes);
    toast.show({ message: `SLA policy saved; ${moved} due date${moved === 1 ? '' : 's'} moved.`, tone: 'success' });
    onClose();
  };

  if (preview) {
    const byHand = preview.plan.skipped.filter((s) => s.reason === 'set-by-hand');
    const moves = dueMoves(preview.plan);
    return (
      <Dialog open title="Apply the new SLA policy?" onClose={onClose} wide>
        <div className="ai-confirm">
          <DueMovesTable moves={moves} itemTitle={(id) => titleOf.get(id)} incidentTitle={(id) => incidents.get(id)?.title} timeZone={timeZone} />
          {byHand.length > 0 && (
            <p className="muted">
              Untouched because their due date was set by hand: {byHand.map((s) => `“${titleOf.get(s.itemId)}”`).join(', ')}.
            </p>
          )}
          <p className="muted">Done and won't-do items keep the date they were judged against.</p>
          <div className="form-actions">
            <button type="button" onClick={() => setPreview(null)}>
              Back
            </button>
            <button type="button" className="primary" data-autofocus onClick={() => void apply()}>
              {moves.length ? `Save and move ${moves.length} due date${moves.length === 1 ? '' : 's'}` : 'Save policy'}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open title="SLA policy" onClose={onClose} wide>
      <form
        className="ai-policy"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          review();
        }}
      >
        <label className="field">
          <span>Start from</span>
          <select
            data-autofocus
            value={draft.preset}
            onChange={(e) => {
              const presetId = e.target.value as SlaPresetId;
              setDraft(presetId === 'custom' ? { ...draft, preset: 'custom' } : { ...slaPreset(presetId), holidays: draft.holidays, countFrom: draft.countFrom, priorityLabels: draft.priorityLabels });
            }}
          >
            {SLA_PRESET_IDS.map((p) => (
              <option key={p} value={p}>
                {PRESET_LABEL[p]}
              </option>
            ))}
          </select>
        </label>
        <table className="ai-policy-table">
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Label</th>
              <th scope="col">Due within</th>
              <th scope="col">Counting</th>
            </tr>
          </thead>
          <tbody>
            {PRIORITIES.map((p: Priority) => (
              <tr key={p}>
                <th scope="row">{p}</th>
                <td>
                  <input aria-label={`${p} label`} value={draft.priorityLabels[p]} onChange={(e) => edit((d) => (d.priorityLabels[p] = e.target.value))} />
                </td>
                <td>
                  <input
                    aria-label={`${p} days`}
                    type="number"
                    min={1}
                    max={3650}
                    value={draft.durations[p].amount}
                    onChange={(e) => edit((d) => (d.durations[p].amount = e.target.valueAsNumber))}
                  />
                </td>
                <td>
                  <select aria-label={`${p} counting`} value={draft.durations[p].unit} onChange={(e) => edit((d) => (d.durations[p].unit = e.target.value as SlaUnit))}>
                    {SLA_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {UNIT_LABEL[u]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <fieldset className="field">
          <legend>Count from</legend>
          <label className="inline-field">
            <input type="radio" name={`${id}-from`} checked={draft.countFrom === 'review'} onChange={() => edit((d) => (d.countFrom = 'review'))} /> the review meeting
          </label>
          <label className="inline-field">
            <input type="radio" name={`${id}-from`} checked={draft.countFrom === 'resolution'} onChange={() => edit((d) => (d.countFrom = 'resolution'))} /> the incident's resolution
          </label>
          <p className="muted ai-hint">If that date is not set, the other one is used, then the day the item was created.</p>
        </fieldset>
        <label className="field">
          <span>Holidays (skipped when counting business days; one YYYY-MM-DD per line)</span>
          <textarea rows={3} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        </label>
        <p className="muted ai-hint">Due dates are whole days in your time zone ({timeZone}).</p>
        <FormFooter error={error} onCancel={onClose} submitLabel={'Review changes'} />
      </form>
    </Dialog>
  );
}
