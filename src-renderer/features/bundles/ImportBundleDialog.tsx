import { useEffect, useRef, useState } from 'react';
import { BUNDLE_EXTENSION } from '@core/bundles/bundle-manifest';
import type { MergeSide, RecordConflict } from '@core/bundles/bundle-merge';
import { BUNDLE_RECORD_TABLES } from '@core/bundles/bundle-manifest';
import { applyBundleImport, importBundleFile, type BundleImportPlan, type ReadBundle } from '@data/bundles';
import { db } from '@data/connection';
import { asFile, platform } from '@platform/index';
import { Dialog } from '@ui/Dialog';
import { useToast } from '@ui/toast-context';
import { BundleErrorNotice, BundleProgress } from './BundleDialogParts';
import './bundles.css';

type Step =
  | { name: 'choose'; error?: string }
  | { name: 'working'; label: string; fraction: number }
  | { name: 'review'; fileName: string; bundle: ReadBundle; plan: BundleImportPlan };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** True for a file the library's drop zone hands to this dialog. */
export function isBundleFile(file: { name: string }): boolean {
  return file.name.toLowerCase().endsWith(BUNDLE_EXTENSION);
}

interface ImportBundleDialogProps {
  /** A file dropped on the library: read at once instead of asking for one. */
  file?: File;
  onClose: () => void;
  onImported: (incidentId: string) => void;
}

/** Imports a `.debrief` bundle: verified first, then a new incident or a merge whose conflicts the user settles. */
export function ImportBundleDialog({ file, onClose, onImported }: ImportBundleDialogProps) {
  const toast = useToast();
  const [step, setStep] = useState<Step>(file ? { name: 'working', label: 'Checking the bundle', fraction: 0 } : { name: 'choose' });
  const started = useRef(false);
  const working = step.name === 'working';

  const read = async (picked: File, fileName: string) => {
    setStep({ name: 'working', label: 'Checking the bundle', fraction: 0 });
    try {
      const { bundle, plan } = await importBundleFile(db, picked, fileName, (fraction) => setStep({ name: 'working', label: 'Checking the bundle', fraction }));
      setStep({ name: 'review', fileName, bundle, plan });
    } catch (error) {
      setStep({ name: 'choose', error: message(error) });
    }
  };

  useEffect(() => {
    if (!file || started.current) return;
    started.current = true;
    void read(file, file.name);
  }, [file]);

  const pick = async () => {
    const [picked] = await platform.pickFiles({ accept: [BUNDLE_EXTENSION] });
    // A desktop-picked file is read lazily through the main process; the bundle reader takes a File.
    if (picked) await read(await asFile(picked.file), picked.path || picked.file.name);
  };

  const apply = async (review: Extract<Step, { name: 'review' }>, choices: ReadonlyMap<string, MergeSide>) => {
    setStep({ name: 'working', label: review.plan.exists ? 'Merging' : 'Importing', fraction: 0.5 });
    try {
      const result = await applyBundleImport(db, review.bundle.contents, review.plan, choices);
      const what = review.plan.exists
        ? `Merged ${review.fileName}: ${plural(result.added, 'record')} added, ${plural(result.replaced, 'record')} replaced, ${plural(result.events, 'imported event')} added.`
        : `Imported ${review.plan.title || 'the incident'} from ${review.fileName}.`;
      toast.show({ message: what, tone: 'success' });
      onImported(review.plan.incidentId);
      onClose();
    } catch (error) {
      setStep({ name: 'choose', error: message(error) });
    }
  };

  return (
    <Dialog open wide title="Import bundle" onClose={() => !working && onClose()} focusKey={step.name}>
      <div className="bundle-body">
        {step.name === 'choose' && (
          <>
            <BundleErrorNotice message={step.error} />
            <p>
              Choose a <code>.debrief</code> file made with “Export bundle…”. Its checksums are verified before anything is imported; you see what
              it adds, and any conflict with your copy of the incident, before anything changes.
            </p>
            <footer className="bundle-actions">
              <button type="button" onClick={onClose}>
                Cancel
              </button>
              <button type="button" className="primary" data-autofocus onClick={() => void pick()}>
                Choose bundle…
              </button>
            </footer>
          </>
        )}
        {step.name === 'working' && (
          <BundleProgress label={step.label} fraction={step.fraction} />
        )}
        {step.name === 'review' && <ReviewImport step={step} onCancel={onClose} onApply={(choices) => void apply(step, choices)} />}
      </div>
    </Dialog>
  );
}

function when(time: number | null): string {
  return time === null ? 'time unknown' : new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? '—' : JSON.stringify(value);
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat || '(empty)';
}

/** Fields whose values say something to a person; editor states and ids are named, not shown. */
/** The fields a conflict shows side by side, by the names the app's forms give them. */
const SHOWN_FIELDS = new Map([
  ['title', 'Title'],
  ['severity', 'Severity'],
  ['status', 'Status'],
  ['summary', 'Summary'],
  ['commander', 'Incident Commander'],
  ['plainText', 'Text'],
  ['label', 'Label'],
  ['note', 'Note'],
  ['text', 'Text'],
  ['displayName', 'Name'],
  ['email', 'Email'],
  ['priority', 'Priority'],
  ['ownerName', 'Owner'],
  ['name', 'Name'],
  ['description', 'Description'],
  ['services', 'Services'],
  ['pinned', 'Key moment'],
  ['redacted', 'Redacted'],
]);

/** Any other field in words: "dueAt" -> "due at". */
const fieldWords = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function ReviewImport({ step, onCancel, onApply }: { step: Extract<Step, { name: 'review' }>; onCancel: () => void; onApply: (choices: ReadonlyMap<string, MergeSide>) => void }) {
  const { plan, bundle, fileName } = step;
  const { manifest } = bundle;
  const [choices, setChoices] = useState<Map<string, MergeSide>>(() => new Map(plan.merge.conflicts.map((c) => [c.key, c.preferred])));
  const choose = (key: string, side: MergeSide) => setChoices((current) => new Map(current).set(key, side));
  const chooseAll = (side: MergeSide) => setChoices(new Map(plan.merge.conflicts.map((c) => [c.key, side])));
  const added = BUNDLE_RECORD_TABLES.filter((t) => t !== 'sources').reduce((sum, t) => sum + plan.merge.added[t].length, 0);
  const addedSources = new Set(plan.merge.added.sources.map((s) => s.id));
  const addedEvents = bundle.contents.blocks.filter((b) => addedSources.has(b.meta.sourceId)).reduce((sum, b) => sum + b.meta.count, 0) + plan.merge.added.manualEvents.length;
  const conflicts = plan.merge.conflicts;
  return (
    <>
      <p>
        <strong>{manifest.incident.title || 'Untitled incident'}</strong> — {fileName}, exported {when(Date.parse(manifest.exportedAt))} by {manifest.app}.{' '}
        <span className="muted">{manifest.includesRedactedText ? 'It includes redacted text.' : 'Redacted text is masked in it.'}</span>
      </p>
      {plan.exists ? (
        <p>
          You already have this incident. Importing merges the bundle into it: {plural(added, 'record')} and {plural(addedEvents, 'event')} added,{' '}
          {plural(plan.merge.unchanged, 'record')} already the same
          {plan.merge.sourcesKept > 0 && <>, {plural(plan.merge.sourcesKept, 'import')} you already have kept as they are</>}. Nothing of yours is deleted.
        </p>
      ) : (
        <p>
          This adds a new incident to your library with {plural(addedEvents, 'event')} and {plural(added, 'other record')}.
        </p>
      )}
      {plan.peopleMatched > 0 && <p className="muted">{plural(plan.peopleMatched, 'person', 'people')} of the bundle already in your library keep your records.</p>}
      {conflicts.length > 0 && (
        <section className="bundle-conflicts" aria-labelledby="bundle-conflicts-title">
          <div className="bundle-conflicts-heading">
            <h3 id="bundle-conflicts-title">
              {plural(conflicts.length, 'conflict')}: changed both here and in the bundle
            </h3>
            <button type="button" onClick={() => chooseAll('local')}>
              Keep all mine
            </button>
            <button type="button" onClick={() => chooseAll('bundle')}>
              Use all the bundle’s
            </button>
          </div>
          <p className="muted">For each one, choose which version to keep. The newer one is chosen to start with.</p>
          <ul className="bundle-conflict-list">
            {conflicts.map((conflict) => (
              <ConflictRow key={conflict.key} conflict={conflict} side={choices.get(conflict.key) ?? conflict.preferred} onChoose={(side) => choose(conflict.key, side)} />
            ))}
          </ul>
        </section>
      )}
      <footer className="bundle-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" data-autofocus onClick={() => onApply(choices)}>
          {plan.exists ? (conflicts.length > 0 ? 'Merge with these choices' : 'Merge') : 'Import incident'}
        </button>
      </footer>
    </>
  );
}

function ConflictRow({ conflict, side, onChoose }: { conflict: RecordConflict; side: MergeSide; onChoose: (side: MergeSide) => void }) {
  const shown = conflict.fields.filter((f) => SHOWN_FIELDS.has(f));
  const others = conflict.fields.filter((f) => !SHOWN_FIELDS.has(f));
  return (
    <li className="bundle-conflict">
      <fieldset>
        <legend>{conflict.label}</legend>
        {shown.length > 0 && (
          <dl className="bundle-diff">
            {shown.map((field) => (
              <div key={field}>
                <dt>{SHOWN_FIELDS.get(field)}</dt>
                <dd>
                  <span className="muted">Yours:</span> {preview(conflict.local[field])}
                </dd>
                <dd>
                  <span className="muted">Bundle’s:</span> {preview(conflict.bundle[field])}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {others.length > 0 && <p className="muted">Also differs: {others.map(fieldWords).join(', ')}</p>}
        <label>
          <input type="radio" name={conflict.key} checked={side === 'local'} onChange={() => onChoose('local')} /> Keep mine (edited {when(conflict.localUpdatedAt)})
        </label>
        <label>
          <input type="radio" name={conflict.key} checked={side === 'bundle'} onChange={() => onChoose('bundle')} /> Use the bundle’s (edited {when(conflict.bundleUpdatedAt)})
        </label>
      </fieldset>
    </li>
  );
}
