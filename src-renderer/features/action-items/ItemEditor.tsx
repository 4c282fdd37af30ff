import { useId, useMemo, useState, type FormEvent } from 'react';
import { ACTION_KINDS, ACTION_STATUSES, PRIORITIES, type ActionItem, type ActionKind, type ActionStatus, type Priority } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import type { Person } from '@core/model/person';
import { endOfLocalDate, localDateKey, policyDueAt, slaStart } from '@core/action-items/due-date';
import { describeDuration, type SlaPolicy } from '@core/action-items/sla-policy';
import { isClosed } from '@core/action-items/sla-state';
import { Dialog } from '@ui/Dialog';
import { ActionItemError, checkItemDraft, type DraftField, type DraftProblem, matchPerson, createActionItem, updateActionItem } from '@data/action-items';
import { KIND_LABEL, STATUS_LABEL } from './status-keys';
import { parseTrackerLink } from '@core/action-items/tracker-link';
import { formatDay, formatDayOrNone } from './format-due';
import { ItemHistory } from './ItemHistory';

interface Values {
  title: string;
  description: string;
  owner: string;
  priority: Priority;
  status: ActionStatus;
  wontDoReason: string;
  kind: ActionKind;
  /** Local YYYY-MM-DD typed by hand, or '' to follow the SLA. */
  dueByHand: string;
  trackerUrl: string;
}

const BASIS_TEXT = { review: 'the review meeting', resolution: 'resolution', 'item-created': 'when the item was created' } as const;

interface ItemEditorProps {
  incident: Pick<Incident, 'id' | 'title' | 'reviewAt' | 'resolvedAt'>;
  /** Edit this item; create one when absent. */
  item?: ActionItem;
  policy: SlaPolicy;
  timeZone: string;
  people: readonly Person[];
  /** For a new item: the events and annotations that motivated it. */
  eventIds?: readonly string[];
  annotationIds?: readonly string[];
  initialTitle?: string;
  onClose: () => void;
  onSaved?: (item: ActionItem) => void;
  /** Where focus goes when the editor closes (see Dialog); by default the control that opened it. */
  returnFocus?: () => HTMLElement | string | null | undefined;
}

export function ItemEditor({ incident, item, policy, timeZone, people, eventIds, annotationIds, initialTitle, onClose, onSaved, returnFocus }: ItemEditorProps) {
  const id = useId();
  const [values, setValues] = useState<Values>(() => ({
    title: item?.title ?? initialTitle ?? '',
    description: item?.description ?? '',
    owner: item?.ownerName ?? '',
    priority: item?.priority ?? 'P3',
    status: item?.status ?? 'open',
    wontDoReason: item?.wontDoReason ?? '',
    kind: item?.kind ?? 'prevent',
    dueByHand: item?.dueSetByHand && item.dueAt !== null ? localDateKey(item.dueAt, timeZone) : '',
    trackerUrl: item?.trackerUrl ?? '',
  }));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const [openedAt] = useState(() => Date.now());
  const createdAt = item?.createdAt ?? openedAt;
  const start = slaStart(incident, policy, { createdAt });
  const slaDue = useMemo(() => policyDueAt({ createdAt, priority: values.priority }, incident, policy, timeZone), [createdAt, values.priority, incident, policy, timeZone]);
  const link = parseTrackerLink(values.trackerUrl);
  const problemFor = (field: DraftField) => problems.find((p) => p.field === field);
  const eventCount = item?.eventIds.length ?? eventIds?.length ?? 0;
  const annotationCount = item?.annotationIds.length ?? annotationIds?.length ?? 0;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    let dueAt: number | null = null;
    if (values.dueByHand) {
      try {
        dueAt = endOfLocalDate(values.dueByHand, timeZone);
      } catch {
        setProblems([{ field: 'dueAt', message: `"${values.dueByHand}" is not a date.` }]);
        return;
      }
    }
    const found = checkItemDraft({ ...values, dueAt });
    setProblems(found);
    if (found.length) {
      document.getElementById(`${id}-${found[0]?.field}`)?.focus();
      return;
    }
    const person = matchPerson(people, values.owner);
    const owner = { ownerId: person?.id ?? null, ownerName: person?.displayName ?? values.owner.trim() };
    const fields = {
      title: values.title.trim(),
      description: values.description,
      ...owner,
      priority: values.priority,
      status: values.status,
      wontDoReason: values.wontDoReason.trim(),
      kind: values.kind,
      trackerUrl: values.trackerUrl.trim(),
    };
    setSaving(true);
    try {
      const saved = item
        ? await updateActionItem(item.id, { ...fields, dueAt: values.dueByHand ? dueAt : followsSla, dueSetByHand: values.dueByHand !== '', slaStartAt: values.dueByHand ? null : followsStart })
        : await createActionItem({ ...fields, incidentId: incident.id, dueAt, eventIds, annotationIds }, { timeZone });
      onSaved?.(saved);
      onClose();
    } catch (error) {
      if (!(error instanceof ActionItemError)) throw error;
      setProblems(error.problems.length ? error.problems : [{ field: 'title', message: error.message }]);
    } finally {
      setSaving(false);
    }
  };

  const fieldError = (field: DraftField) => {
    const p = problemFor(field);
    return p ? (
      <p id={`${id}-${field}-error`} className="field-error" role="alert">
        {p.message}
      </p>
    ) : null;
  };
  const describedBy = (field: DraftField, hint?: string) => [problemFor(field) ? `${id}-${field}-error` : null, hint].filter(Boolean).join(' ') || undefined;
  // A closed item keeps the date it was judged against, like a policy change leaves it.
  const keepsDate = item && isClosed(item.status) && !item.dueSetByHand;
  const followsSla = keepsDate ? item.dueAt : slaDue;
  const followsStart = keepsDate ? (item.slaStartAt ?? null) : start.at;
  const dueMoves = item && !values.dueByHand && item.dueAt !== followsSla;

  return (
    <Dialog open title={item ? 'Edit action item' : 'New action item'} onClose={onClose} wide returnFocus={returnFocus}>
      <form
        className="ai-editor"
        noValidate
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
      >
        <p className="muted ai-editor-context">
          For “{incident.title}”
          {eventCount + annotationCount > 0 && ` · motivated by ${eventCount} event${eventCount === 1 ? '' : 's'} and ${annotationCount} annotation${annotationCount === 1 ? '' : 's'}`}
        </p>
        <label className="field">
          <span>Title</span>
          <input
            id={`${id}-title`}
            data-autofocus
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
            aria-invalid={!!problemFor('title')}
            aria-describedby={describedBy('title')}
          />
        </label>
        {fieldError('title')}
        <label className="field">
          <span>Description</span>
          <textarea rows={3} value={values.description} onChange={(e) => set('description', e.target.value)} />
        </label>
        <div className="field-row">
          <label className="field">
            <span>Owner</span>
            <input
              list={`${id}-people`}
              value={values.owner}
              onChange={(e) => set('owner', e.target.value)}
              placeholder={people.length ? 'Pick a person or type a name' : 'Type a name'}
            />
            <datalist id={`${id}-people`}>
              {people.map((p) => (
                <option key={p.id} value={p.displayName}>
                  {p.email ?? undefined}
                </option>
              ))}
            </datalist>
          </label>
          <label className="field">
            <span>Kind</span>
            <select value={values.kind} onChange={(e) => set('kind', e.target.value as ActionKind)}>
              {ACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span>Priority</span>
            <select value={values.priority} onChange={(e) => set('priority', e.target.value as Priority)}>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {p} · {policy.priorityLabels[p]} ({describeDuration(policy.durations[p])})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Status</span>
            <select value={values.status} onChange={(e) => set('status', e.target.value as ActionStatus)}>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {values.status === 'wont-do' && (
          <>
            <label className="field">
              <span>Why won't it be done?</span>
              <input
                id={`${id}-wontDoReason`}
                value={values.wontDoReason}
                onChange={(e) => set('wontDoReason', e.target.value)}
                aria-invalid={!!problemFor('wontDoReason')}
                aria-describedby={describedBy('wontDoReason')}
              />
            </label>
            {fieldError('wontDoReason')}
          </>
        )}
        <div className="field ai-due-field">
          <label htmlFor={`${id}-dueAt`}>Due date</label>
          <div className="ai-due-row">
            <input
              id={`${id}-dueAt`}
              type="date"
              value={values.dueByHand || (followsSla === null ? '' : localDateKey(followsSla, timeZone))}
              onChange={(e) => set('dueByHand', e.target.value)}
              aria-describedby={describedBy('dueAt', `${id}-due-hint`)}
            />
            {values.dueByHand && (
              <button type="button" className="link-button" onClick={() => set('dueByHand', '')}>
                Reset to SLA
              </button>
            )}
          </div>
          <p id={`${id}-due-hint`} className="muted ai-hint">
            {values.dueByHand
              ? `Set by hand; policy changes leave it alone. The SLA would give ${formatDay(slaDue, timeZone)}.`
              : `Follows the SLA: ${describeDuration(policy.durations[values.priority])} from ${BASIS_TEXT[start.basis]}.`}
            {dueMoves && ` Saving moves it from ${formatDayOrNone(item.dueAt, timeZone)} to ${formatDayOrNone(followsSla, timeZone)}.`}
          </p>
        </div>
        {fieldError('dueAt')}
        <label className="field">
          <span>Tracker link</span>
          <input
            id={`${id}-trackerUrl`}
            type="url"
            inputMode="url"
            placeholder="https://… (Jira, Linear, GitHub)"
            value={values.trackerUrl}
            onChange={(e) => set('trackerUrl', e.target.value)}
            aria-invalid={!!problemFor('trackerUrl')}
            aria-describedby={describedBy('trackerUrl')}
          />
        </label>
        {link.ok && link.link && <p className="muted ai-hint">Recognised: {link.link.label}</p>}
        {fieldError('trackerUrl')}
        {item && (
          <p className="muted ai-hint">
            Created {formatDay(item.createdAt, timeZone)}
            {item.completedAt !== null && ` · closed ${formatDay(item.completedAt, timeZone)}`}
          </p>
        )}
        {item && <ItemHistory incidentId={incident.id} itemId={item.id} timeZone={timeZone} />}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving} title="Ctrl+Enter">
            {item ? 'Save changes' : 'Create action item'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
