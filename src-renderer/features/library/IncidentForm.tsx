import { useId, useMemo, useState, type FormEvent } from 'react';
import { INCIDENT_STATUSES, INCIDENT_STATUS_LABEL, ROLE_NAMES, type IncidentDraft, type RoleAssignment, type RoleName } from '@core/model/incident';
import { SEVERITIES, SEVERITY_MEANING } from '@core/model/severity';
import { checkDraft, parseServices, type DraftProblem } from '@core/incident/incident-draft';
import { fromLocalInputValue, toLocalInputValue } from '@core/time/zoned-input';
import { FormFooter } from '@ui/FormFooter';

type TimeField = 'startedAt' | 'detectedAt' | 'resolvedAt' | 'reviewAt';
const TIME_FIELDS: { field: TimeField; label: string }[] = [
  { field: 'startedAt', label: 'Started' },
  { field: 'detectedAt', label: 'Detected' },
  { field: 'resolvedAt', label: 'Resolved' },
  { field: 'reviewAt', label: 'Review meeting' },
];

interface FormValues {
  title: string;
  severity: IncidentDraft['severity'];
  status: IncidentDraft['status'];
  timeZone: string;
  times: Record<TimeField, string>;
  services: string;
  commander: string;
  roles: RoleAssignment[];
  summary: string;
}

function toValues(draft: IncidentDraft): FormValues {
  const zone = draft.timeZone;
  return {
    title: draft.title,
    severity: draft.severity,
    status: draft.status,
    timeZone: zone,
    times: {
      startedAt: toLocalInputValue(draft.startedAt, zone),
      detectedAt: toLocalInputValue(draft.detectedAt, zone),
      resolvedAt: toLocalInputValue(draft.resolvedAt, zone),
      reviewAt: toLocalInputValue(draft.reviewAt, zone),
    },
    services: draft.services.join(', '),
    commander: draft.commander,
    roles: draft.roles,
    summary: draft.summary,
  };
}

function toDraft(values: FormValues): IncidentDraft {
  // Typed times are wall-clock times in the incident's zone.
  const time = (f: TimeField) => fromLocalInputValue(values.times[f], values.timeZone.trim());
  return {
    title: values.title.trim(),
    severity: values.severity,
    status: values.status,
    timeZone: values.timeZone.trim(),
    startedAt: time('startedAt'),
    detectedAt: time('detectedAt'),
    resolvedAt: time('resolvedAt'),
    reviewAt: time('reviewAt'),
    services: parseServices(values.services),
    commander: values.commander.trim(),
    roles: values.roles.filter((r) => r.name.trim() !== '').map((r) => ({ ...r, name: r.name.trim() })),
    summary: values.summary,
  };
}

function zoneNames(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
}

interface IncidentFormProps {
  initial: IncidentDraft;
  submitLabel: string;
  onSubmit: (draft: IncidentDraft) => Promise<void>;
  onCancel: () => void;
}

export function IncidentForm({ initial, submitLabel, onSubmit, onCancel }: IncidentFormProps) {
  const [values, setValues] = useState(() => toValues(initial));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const zones = useMemo(() => zoneNames(), []);
  const id = useId();

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const problemFor = (field: keyof IncidentDraft) => problems.find((p) => p.field === field);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const draft = toDraft(values);
    const found = checkDraft(draft);
    setProblems(found);
    if (found.some((p) => p.severity === 'error')) return;
    setSaving(true);
    setSaveError(null);
    try {
      await onSubmit(draft);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  const fieldHint = (field: keyof IncidentDraft) => {
    const p = problemFor(field);
    return p ? (
      <p id={`${id}-${field}-hint`} className={p.severity === 'error' ? 'field-error' : 'field-warning'} role={p.severity === 'error' ? 'alert' : undefined}>
        {p.message}
      </p>
    ) : null;
  };
  const described = (field: keyof IncidentDraft) => (problemFor(field) ? `${id}-${field}-hint` : undefined);

  const setRole = (index: number, patch: Partial<RoleAssignment>) =>
    set('roles', values.roles.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <form
      className="incident-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
      }}
      noValidate
    >
      <label className="field">
        <span>Title</span>
        <input
          data-autofocus
          value={values.title}
          onChange={(e) => set('title', e.target.value)}
          placeholder="e.g. Checkout returns 5xx after deploy"
          aria-invalid={problemFor('title')?.severity === 'error'}
          aria-describedby={described('title')}
        />
        {fieldHint('title')}
      </label>

      <fieldset className="field severity-picker">
        <legend>Severity</legend>
        {SEVERITIES.map((sev) => (
          <label key={sev} className={`severity-option severity-${sev.toLowerCase()}`}>
            <input type="radio" name={`${id}-severity`} value={sev} checked={values.severity === sev} onChange={() => set('severity', sev)} />
            <strong>{sev}</strong>
            <span>{SEVERITY_MEANING[sev]}</span>
          </label>
        ))}
      </fieldset>

      <div className="field-row">
        <label className="field">
          <span>Status</span>
          <select value={values.status} onChange={(e) => set('status', e.target.value as FormValues['status'])}>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {INCIDENT_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Time zone</span>
          <input
            list={`${id}-zones`}
            value={values.timeZone}
            onChange={(e) => set('timeZone', e.target.value)}
            aria-invalid={problemFor('timeZone')?.severity === 'error'}
            aria-describedby={described('timeZone')}
          />
          <datalist id={`${id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {fieldHint('timeZone')}
        </label>
      </div>

      <div className="field-row times">
        {TIME_FIELDS.map(({ field, label }) => (
          <label key={field} className="field">
            <span>
              {label} <small className="muted">({values.timeZone || 'zone?'})</small>
            </span>
            <input
              type="datetime-local"
              value={values.times[field]}
              onChange={(e) => set('times', { ...values.times, [field]: e.target.value })}
              aria-describedby={described(field)}
            />
            {fieldHint(field)}
          </label>
        ))}
      </div>

      <label className="field">
        <span>Affected services</span>
        <input value={values.services} onChange={(e) => set('services', e.target.value)} placeholder="checkout, payments-api" />
      </label>

      <label className="field">
        <span>Incident Commander</span>
        <input value={values.commander} onChange={(e) => set('commander', e.target.value)} placeholder="Who facilitated and decided" />
      </label>

      <fieldset className="field roles">
        <legend>Other roles</legend>
        {values.roles.map((role, index) => (
          <div key={index} className="role-row">
            <select aria-label={`Role ${index + 1}`} value={role.role} onChange={(e) => setRole(index, { role: e.target.value as RoleName })}>
              {ROLE_NAMES.filter((r) => r !== 'Incident Commander').map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <input aria-label={`Name for role ${index + 1}`} value={role.name} onChange={(e) => setRole(index, { name: e.target.value })} placeholder="Name" />
            <button type="button" className="icon-button" aria-label={`Remove role ${index + 1}`} onClick={() => set('roles', values.roles.filter((_, i) => i !== index))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="link-button" onClick={() => set('roles', [...values.roles, { role: 'Scribe', name: '' }])}>
          + Add a role
        </button>
        {fieldHint('roles')}
      </fieldset>

      <label className="field">
        <span>Summary</span>
        <textarea rows={4} value={values.summary} onChange={(e) => set('summary', e.target.value)} placeholder="What happened, in two or three sentences." />
      </label>

      <FormFooter error={saveError && `Could not save: ${saveError}`} onCancel={onCancel} submitLabel={saving ? 'Saving…' : submitLabel} submitDisabled={saving} />
    </form>
  );
}
