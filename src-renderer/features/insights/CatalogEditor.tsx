import { useMemo, useState } from 'react';
import { catalogRow, suggestionsFromAnnotations } from '@core/catalog/catalog-row';
import { catalogOf, uniqueWords } from '@core/catalog/catalog-schema';
import type { CatalogLessons, IncidentCatalog } from '@core/model/catalog';
import type { Incident } from '@core/model/incident';
import { saveCatalog, useCatalogRows, useIncidentAnnotations, useIncidentMilestones, useTeamVocabulary } from '@data/insights';
import { catalogChoices } from './vocabulary';
import { TeamWordsDialog } from './TeamWordsDialog';
import { WordField, WordListField } from './WordListField';
import './insights.css';

const LESSONS: { key: keyof CatalogLessons; label: string }[] = [
  { key: 'wentWell', label: 'Went well' },
  { key: 'wentPoorly', label: 'Went poorly' },
  { key: 'lucky', label: 'Where we got lucky' },
];

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const sameCatalog = (a: IncidentCatalog, b: IncidentCatalog) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The incident's learning fields, filled in during the review: what was hit, what set it off,
 * what contributed, how it was found and fixed, and the lessons. Saved with the incident and
 * written into the postmortem's front matter.
 */
export function CatalogEditor({ incident }: { incident: Incident }) {
  const stored = useMemo(() => catalogOf(incident), [incident]);
  const [draft, setDraft] = useState(stored);
  const [lessonText, setLessonText] = useState(() => lessonTexts(stored.lessons));
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const rows = useCatalogRows();
  const annotations = useIncidentAnnotations(incident.id);
  const milestones = useIncidentMilestones(incident.id);
  const team = useTeamVocabulary();
  const [editingWords, setEditingWords] = useState(false);
  const choices = useMemo(() => catalogChoices(team, rows ?? []), [team, rows]);
  const suggestions = useMemo(() => suggestionsFromAnnotations(annotations ?? []), [annotations]);
  const derived = useMemo(() => catalogRow({ ...incident, catalog: { ...stored, customerImpactMinutes: null } }, milestones ?? []), [incident, stored, milestones]);

  const current: IncidentCatalog = { ...draft, lessons: { wentWell: lines(lessonText.wentWell), wentPoorly: lines(lessonText.wentPoorly), lucky: lines(lessonText.lucky) } };

  // Another window (or a bundle merge) changed the stored catalog: show it unless edits are
  // pending (state adjusted during render, as React recommends over an effect).
  const [base, setBase] = useState(stored);
  if (!sameCatalog(base, stored)) {
    if (sameCatalog(current, base)) {
      setDraft(stored);
      setLessonText(lessonTexts(stored.lessons));
    }
    setBase(stored);
  }
  const dirty = !sameCatalog(current, stored);
  const set = <K extends keyof IncidentCatalog>(key: K, value: IncidentCatalog[K]) => {
    setStatus(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const save = async () => {
    try {
      await saveCatalog(incident.id, current);
      setStatus({ kind: 'saved', text: 'Catalog saved.' });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const newFactors = suggestions.contributingFactors.filter((f) => !draft.contributingFactors.some((d) => d.toLowerCase() === f.toLowerCase()));
  const newLessons = LESSONS.some(({ key }) => suggestions.lessons[key].some((l) => !lines(lessonText[key]).includes(l)));

  return (
    <section
      className="ins-catalog"
      aria-labelledby="ins-catalog-title"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="ins-catalog-heading">
        <h2 id="ins-catalog-title">Catalog</h2>
        <p className="muted">What this incident teaches across incidents. The library filters by these fields and the Insights page counts them; the postmortem’s front matter carries them.</p>
        <button type="button" className="link-button" onClick={() => setEditingWords(true)}>
          Your team’s words…
        </button>
      </div>
      {editingWords && <TeamWordsDialog onClose={() => setEditingWords(false)} />}

      <p className="muted">
        Services: {incident.services.length ? incident.services.join(', ') : 'none yet'} <span>(edit the incident, <kbd>E</kbd>, to change them)</span>
      </p>
      <WordListField label="Failure domains" values={draft.failureDomains} choices={choices.failureDomains} onChange={(v) => set('failureDomains', v)} placeholder="Your own domain" />
      <div className="field-row">
        <WordField label="Trigger" value={draft.trigger} choices={choices.triggers} onChange={(v) => set('trigger', v)} />
        <WordField label="Detection method" value={draft.detectionMethod} choices={choices.detectionMethods} onChange={(v) => set('detectionMethod', v)} />
        <WordField label="Resolution" value={draft.resolution} choices={choices.resolutions} onChange={(v) => set('resolution', v)} />
      </div>

      <WordListField label="Contributing factors" values={draft.contributingFactors} choices={[]} onChange={(v) => set('contributingFactors', v)} placeholder="e.g. canary skipped one region" />
      {newFactors.length > 0 && (
        <div className="ins-suggest" role="group" aria-label="Factors from annotations">
          <span className="muted">From annotations tagged “Contributing factor”:</span>
          {newFactors.map((f) => (
            <button key={f} type="button" className="chip" onClick={() => set('contributingFactors', uniqueWords([...draft.contributingFactors, f]))}>
              + {f}
            </button>
          ))}
        </div>
      )}

      <fieldset className="field ins-lessons">
        <legend>Lessons (one a line)</legend>
        <div className="field-row">
          {LESSONS.map(({ key, label }) => (
            <label key={key} className="field">
              <span>{label}</span>
              <textarea rows={3} value={lessonText[key]} onChange={(e) => (setStatus(null), setLessonText((t) => ({ ...t, [key]: e.target.value })))} />
            </label>
          ))}
        </div>
        {newLessons && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              setLessonText((t) => {
                const next = { ...t };
                for (const { key } of LESSONS) next[key] = [...new Set([...lines(t[key]), ...suggestions.lessons[key]])].join('\n');
                return next;
              })
            }
          >
            Add the lessons from tagged annotations
          </button>
        )}
      </fieldset>

      <div className="field-row">
        <p className="field">
          <span>Duration</span>
          <output>{derived.durationMinutes === null ? 'Not recorded (set All Clear or Resolved)' : `${derived.durationMinutes} min`}</output>
        </p>
        <label className="field">
          <span>Customer-impact minutes</span>
          <input
            type="number"
            min={0}
            value={draft.customerImpactMinutes ?? ''}
            placeholder={derived.customerImpactMinutes === null ? 'not recorded' : `${derived.customerImpactMinutes} (from milestones)`}
            onChange={(e) => set('customerImpactMinutes', e.target.value === '' ? null : Math.max(0, Math.round(Number(e.target.value))))}
          />
        </label>
      </div>

      <div className="ins-catalog-footer">
        <button type="button" className="primary" onClick={() => void save()} disabled={!dirty} aria-keyshortcuts="Control+Enter">
          Save catalog
        </button>
        {dirty && <span className="muted">Unsaved changes (Ctrl+Enter saves)</span>}
        {status && (
          <span role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'field-error' : 'muted'}>
            {status.text}
          </span>
        )}
      </div>
    </section>
  );
}

function lessonTexts(lessons: CatalogLessons): Record<keyof CatalogLessons, string> {
  return { wentWell: lessons.wentWell.join('\n'), wentPoorly: lessons.wentPoorly.join('\n'), lucky: lessons.lucky.join('\n') };
}
