import { useState } from 'react';
import { BUNDLE_MIME_TYPE } from '@core/bundles/bundle-manifest';
import { exportIncidentBundle } from '@data/bundles';
import { db } from '@data/connection';
import { platform } from '@platform/index';
import { Dialog } from '@ui/Dialog';
import { useToast } from '@ui/toast-context';
import { formatBytes } from '@core/importers/human-units';
import { BundleErrorNotice, BundleProgress } from './BundleDialogParts';
import './bundles.css';

type Step = { name: 'choose'; error?: string } | { name: 'working'; fraction: number };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Exports one incident as a `.debrief` file another Debrief can import or merge. */
export function ExportBundleDialog({ incidentId, title, onClose }: { incidentId: string; title: string; onClose: () => void }) {
  const toast = useToast();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [includeRedactedText, setIncludeRedactedText] = useState(false);
  const [includeOriginalRecords, setIncludeOriginalRecords] = useState(true);
  const working = step.name === 'working';

  const exportBundle = async () => {
    setStep({ name: 'working', fraction: 0 });
    try {
      const bundle = await exportIncidentBundle(db, incidentId, { includeRedactedText, includeOriginalRecords, app: `Debrief ${__APP_VERSION__}` }, (fraction) => setStep({ name: 'working', fraction }));
      const saved = await platform.saveFile(bundle.blob, { suggestedName: bundle.fileName, mimeType: BUNDLE_MIME_TYPE, filter: { name: 'Debrief incident bundle', extensions: ['debrief'] } });
      if (!saved) {
        setStep({ name: 'choose' });
        return;
      }
      toast.show({ message: `Saved ${bundle.fileName} (${formatBytes(bundle.blob.size)}, ${bundle.manifest.counts.events.toLocaleString()} events).`, tone: 'success' });
      onClose();
    } catch (error) {
      setStep({ name: 'choose', error: message(error) });
    }
  };

  return (
    <Dialog open title="Export bundle" onClose={() => !working && onClose()} focusKey={step.name}>
      <div className="bundle-body">
        {step.name === 'choose' && (
          <>
            <BundleErrorNotice message={step.error} />
            <p>
              Saves <strong>{title}</strong> as one <code>.debrief</code> file: its timeline, key moments, review notes, postmortem, milestones,
              action items and the people they name. Another Debrief imports it as a new incident, or merges it into its copy.
            </p>
            <label className="bundle-check">
              <input type="checkbox" checked={includeRedactedText} onChange={(e) => setIncludeRedactedText(e.target.checked)} />
              <span>
                Include redacted text
                <span className="muted"> — off: every redacted character is masked (█) in the file and the original records of redacted events are left out.</span>
              </span>
            </label>
            <label className="bundle-check">
              <input type="checkbox" checked={includeOriginalRecords} onChange={(e) => setIncludeOriginalRecords(e.target.checked)} />
              <span>
                Include the original records of imported files
                <span className="muted"> — what each import read, kept for provenance; makes the file larger.</span>
              </span>
            </label>
            <footer className="bundle-actions">
              <button type="button" onClick={onClose}>
                Cancel
              </button>
              <button type="button" className="primary" data-autofocus onClick={() => void exportBundle()}>
                Export…
              </button>
            </footer>
          </>
        )}
        {step.name === 'working' && (
          <BundleProgress label="Exporting" fraction={step.fraction} />
        )}
      </div>
    </Dialog>
  );
}
