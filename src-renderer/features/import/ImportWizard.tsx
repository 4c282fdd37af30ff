import { useEffect, useRef, useState } from 'react';
import type { Incident } from '@core/model/incident';
import { SOURCE_FORMAT_LABEL, SOURCE_FORMATS, type SourceFormat } from '@core/model/source';
import { format as formatDate } from 'date-fns';
import { Dialog } from '@ui/Dialog';
import { SHORTCUTS } from '@ui/shortcuts/catalog';
import { ariaShortcut, formatShortcut } from '@ui/shortcuts/keys';
import { CsvPreviewPanel } from './CsvPreviewPanel';
import { formatBytes, plural } from './format-size';
import { ProgressFeed } from './progress-feed';
import { RunningView } from './RunningView';
import { ImportRunError, type ImportWorkerClient } from './import-client';
import { enqueueImport } from './import-queue';
import type { PickedInput } from './picked-input';
import { SlackPreviewPanel } from './SlackPreviewPanel';
import { SummaryPreviewPanel } from './SummaryPreviewPanel';
import { importPlan, isCsvPreview, isSlackPreview, newItem, readyToImport, type WizardItem } from './wizard-item';
import { describeError, type AnyPreview, type ImportChoices } from './worker-protocol';

const IMPORTABLE = SOURCE_FORMATS.filter((f) => f !== 'manual');

interface Props {
  /** Where focus goes when the wizard closes (the Import… button: a menu item that opened it is gone). */
  returnFocus?: () => HTMLElement | null;
  incident: Incident;
  inputs: PickedInput[];
  client: ImportWorkerClient;
  onClose(): void;
}

type Stage = 'preview' | 'running' | 'done';

const SUBMIT_KEY = SHORTCUTS['form.submit'].keys[0];
const IMPORT_KEYS = { aria: ariaShortcut(SUBMIT_KEY), shown: formatShortcut(SUBMIT_KEY) };

/** Preview every input, let the user adjust, then import them one by one in the worker. */
export function ImportWizard({ incident, inputs, client, onClose, returnFocus }: Props) {
  const [items, setItems] = useState<WizardItem[]>([]);
  const [stage, setStage] = useState<Stage>('preview');
  const [feed] = useState(() => new ProgressFeed());
  const cancelRef = useRef<{ cancelled: boolean; cancel?: () => void }>({ cancelled: false });
  const seen = useRef(new Set<string>());
  /** The running count of each input, stopped when its window changes or the wizard closes. */
  const stopCounts = useRef(new Map<string, () => void>());

  const update = (id: string, change: (item: WizardItem) => WizardItem) => setItems((list) => list.map((item) => (item.input.id === id ? change(item) : item)));

  useEffect(() => {
    const fresh = inputs.filter((input) => !seen.current.has(input.id));
    if (fresh.length === 0) return;
    fresh.forEach((input) => seen.current.add(input.id));
    setItems((list) => [...list, ...fresh.map((input) => newItem(input, incident))]);
    for (const input of fresh) {
      const item = newItem(input, incident);
      client.analyse(input, item.choices).then(
        (analysis) => {
          update(input.id, (current) => ({ ...current, analysing: false, ...analysis }));
          startCounts(input, analysis.preview, item.choices.window);
        },
        // The worker stopped: say so on the file rather than leave it "Reading…" (and Import waiting) for ever.
        (error: unknown) => update(input.id, (current) => ({ ...current, analysing: false, error: error instanceof ImportRunError ? error.error : { code: 'INTERNAL', message: String(error), location: null } })),
      );
    }
    // startCounts only reads refs and the stable client.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputs, incident, client]);

  useEffect(() => () => stopCounts.current.forEach((stop) => stop()), []);

  /**
   * A Slack preview's message counts, in the chosen time window, are filled in one conversation
   * at a time; a new window starts them over.
   */
  function startCounts(input: PickedInput, preview: AnyPreview | null, window: ImportChoices['window']) {
    stopCounts.current.get(input.id)?.();
    stopCounts.current.delete(input.id);
    if (!isSlackPreview(preview)) return;
    update(input.id, (current) => ({ ...current, counts: {} }));
    stopCounts.current.set(
      input.id,
      client.countMessages(
        input,
        preview.conversations.map((c) => c.folder),
        window,
        (folder, count) => update(input.id, (current) => ({ ...current, counts: { ...current.counts, [folder]: count } })),
      ),
    );
  }

  // A new format or new choices mean a new preview: counts and errors of the old one are dropped.
  const repreview = (item: WizardItem, format: SourceFormat, choices: ImportChoices) => {
    const formatChanged = format !== item.format;
    update(item.input.id, (current) => ({ ...current, format, choices, analysing: true, ...(formatChanged ? { counts: {}, preview: null, error: null } : {}) }));
    client
      .preview(item.input, format, choices)
      .then((preview) => {
        update(item.input.id, (current) => ({ ...current, preview, error: null, analysing: false }));
        if (formatChanged) startCounts(item.input, preview, choices.window);
      })
      .catch((error: unknown) =>
        update(item.input.id, (current) => ({
          ...current,
          preview: null,
          analysing: false,
          error: error instanceof ImportRunError ? error.error : { code: 'INTERNAL', message: String(error), location: null },
        })),
      );
  };

  const plan = importPlan(items);

  const run = async () => {
    stopCounts.current.forEach((stop) => stop());
    setStage('running');
    cancelRef.current = { cancelled: false };
    for (const [index, item] of items.entries()) {
      if (!readyToImport(item) || !item.format) continue;
      if (cancelRef.current.cancelled) break;
      feed.set({ index, value: null });
      const format = item.format;
      try {
        const summary = await enqueueImport(incident.id, () => {
          if (cancelRef.current.cancelled) throw new ImportRunError({ code: 'CANCELLED', message: 'the import was cancelled', location: null });
          const handle = client.runImport(incident.id, item.input, format, item.choices, (value) => feed.set({ index, value }));
          cancelRef.current.cancel = handle.cancel;
          return handle.done;
        });
        update(item.input.id, (current) => ({ ...current, result: { summary } }));
      } catch (error) {
        const serialized = error instanceof ImportRunError ? error.error : { code: 'INTERNAL' as const, message: String(error), location: null };
        update(item.input.id, (current) => ({ ...current, result: { error: serialized } }));
      }
    }
    setStage('done');
  };

  const cancel = () => {
    cancelRef.current.cancelled = true;
    cancelRef.current.cancel?.();
  };

  // While importing, closing means cancelling: the dialog stays until the worker has removed
  // what it staged, then shows what was kept.
  const close = () => {
    if (stage === 'running') cancel();
    else onClose();
  };

  // The files' rows arrive one render after the dialog opens: a new key once they are there puts
  // focus on the first file's checkbox, not on × Close (where Enter would import nothing).
  const focusKey = items.length === 0 ? 'opening' : stage;

  return (
    <Dialog open wide title={stage === 'done' ? 'Import finished' : 'Import into this incident'} onClose={close} focusKey={focusKey} returnFocus={returnFocus}>
      <div
        className="import-wizard"
        onKeyDown={(event) => {
          // Ctrl/Cmd+Enter imports from anywhere in the preview: no need to Tab past every option.
          if (stage === 'preview' && event.key === 'Enter' && (event.ctrlKey || event.metaKey) && plan.canImport) {
            event.preventDefault();
            void run();
          }
        }}
      >
        <p className="sr-only" role="status">
          {stage === 'done' ? `Import finished. ${items.filter((item) => item.result?.summary).map((item) => `${item.input.name}: ${item.result?.summary?.added ?? 0} added.`).join(' ')}` : ''}
        </p>
        {stage === 'preview' && (
          <>
            {items.map((item, index) => (
              <section key={item.input.id} className="import-item" aria-label={item.input.name}>
                <header className="import-item-header">
                  <label className="import-include">
                    <input type="checkbox" data-autofocus={index === 0 || undefined} checked={item.include} onChange={(e) => update(item.input.id, (current) => ({ ...current, include: e.target.checked }))} />
                    <strong>{item.input.name}</strong>
                  </label>
                  <span className="muted">
                    {item.input.kind === 'folder' ? `folder, ${plural(item.input.files.length, 'file')}, ` : ''}
                    {formatBytes(item.input.size)}
                  </span>
                  <label className="import-format">
                    Format
                    <select
                      value={item.format ?? ''}
                      disabled={item.analysing}
                      onChange={(e) => repreview(item, e.target.value as SourceFormat, item.choices)}
                      aria-label={`Format of ${item.input.name}`}
                    >
                      <option value="" disabled>
                        Choose…
                      </option>
                      {IMPORTABLE.map((id) => (
                        <option key={id} value={id}>
                          {SOURCE_FORMAT_LABEL[id]}
                        </option>
                      ))}
                    </select>
                  </label>
                </header>
                {item.analysing && !item.preview && <p className="muted">Reading…</p>}
                {item.error && (
                  <p className="import-error" role="alert">
                    {describeError(item.error)}
                  </p>
                )}
                {item.preview && item.preview.warnings.length > 0 && (
                  <ul className="import-warnings">
                    {item.preview.warnings.slice(0, 5).map((warning, i) => (
                      <li key={i}>{warning.message}</li>
                    ))}
                  </ul>
                )}
                {isSlackPreview(item.preview) && (
                  <SlackPreviewPanel
                    preview={item.preview}
                    counts={item.counts}
                    choices={item.choices}
                    incident={incident}
                    onChange={(choices) => {
                      update(item.input.id, (current) => ({ ...current, choices }));
                      if (!sameWindow(choices.window, item.choices.window)) startCounts(item.input, item.preview, choices.window);
                    }}
                  />
                )}
                {isCsvPreview(item.preview) && item.format && <CsvPreviewPanel preview={item.preview} choices={item.choices} onChange={(choices) => repreview(item, 'csv-timeline', choices)} />}
                {item.preview && !isSlackPreview(item.preview) && !isCsvPreview(item.preview) && <SummaryPreviewPanel preview={item.preview} incident={incident} />}
              </section>
            ))}
            <p className="muted">Nothing is written until you import. Events already in this incident are recognised and not added twice.</p>
            <div className="form-actions">
              {plan.checking.length > 0 && (
                <span className="muted import-checking" role="status">
                  Checking {plan.checking.length === 1 ? plan.checking[0].input.name : plural(plan.checking.length, 'file')}…
                </span>
              )}
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="button" className="primary" disabled={!plan.canImport} onClick={() => void run()} aria-keyshortcuts={IMPORT_KEYS.aria} title={`Import (${IMPORT_KEYS.shown})`}>
                {plan.ready.length + plan.checking.length > 1 ? `Import ${plan.ready.length + plan.checking.length} files` : 'Import'}
              </button>
            </div>
          </>
        )}
        {stage === 'running' && <RunningView names={items.map((item) => item.input.name)} feed={feed} onCancel={cancel} />}
        {stage === 'done' && (
          <>
            {items
              .filter((item) => item.result)
              .map((item) => (
                <ResultView key={item.input.id} item={item} />
              ))}
            <div className="form-actions">
              <button type="button" className="primary" onClick={onClose} data-autofocus>
                Close
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}

function ResultView({ item }: { item: WizardItem }) {
  const { summary, error } = item.result ?? {};
  return (
    <section className={`import-result ${error ? 'import-result-failed' : ''}`} aria-label={`Result for ${item.input.name}`}>
      <h3>{item.input.name}</h3>
      {summary && (
        <>
          <p className="import-counts">
            <span>
              <strong>{summary.added.toLocaleString('en-US')}</strong> added
            </span>
            <span>
              <strong>{summary.duplicates.toLocaleString('en-US')}</strong> already present
            </span>
            <span>
              <strong>{summary.skipped.reduce((sum, s) => sum + s.count, 0).toLocaleString('en-US')}</strong> skipped
            </span>
            <span>
              <strong>{summary.warnings.length}</strong> {summary.warnings.length === 1 ? 'warning' : 'warnings'}
            </span>
          </p>
          {summary.earlierImportAt !== null &&
            (summary.sourceId === null ? (
              <p className="import-already">This file was already imported on {formatDate(summary.earlierImportAt, 'yyyy-MM-dd HH:mm')}: nothing in it is new, so Sources is unchanged.</p>
            ) : (
              <p className="muted">This file was already imported on {formatDate(summary.earlierImportAt, 'yyyy-MM-dd HH:mm')}.</p>
            ))}
          {summary.skipped.length > 0 && <p className="muted">Skipped: {summary.skipped.map((s) => `${s.reason} (${s.count})`).join(', ')}</p>}
          {summary.warnings.length > 0 && (
            <ul className="import-warnings">
              {summary.warnings.slice(0, 10).map((warning, i) => (
                <li key={i}>{warning}</li>
              ))}
              {summary.warnings.length > 10 && <li>… and {summary.warnings.length - 10} more (listed under Sources)</li>}
            </ul>
          )}
        </>
      )}
      {error && (
        <p className="import-error" role="alert">
          {error.code === 'CANCELLED' ? 'Cancelled: nothing from this file was kept.' : `Not imported, nothing was changed. ${describeError(error)}`}
        </p>
      )}
    </section>
  );
}

function sameWindow(a: ImportChoices['window'], b: ImportChoices['window']): boolean {
  return a?.from === b?.from && a?.to === b?.to;
}
