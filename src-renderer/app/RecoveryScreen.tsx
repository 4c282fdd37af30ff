import type { DatabaseOpenError } from '@data/library';

const ADVICE: Record<DatabaseOpenError['code'], { title: string; steps: string[] }> = {
  blocked: {
    title: 'Another Debrief window is using your data',
    steps: ['Close the other Debrief windows or browser tabs.', 'Then choose Try again. Nothing has been changed.'],
  },
  'newer-version': {
    title: 'Your data was saved by a newer Debrief',
    steps: ['Install the latest version of Debrief, then open it again.', 'Your data is untouched: this version will not modify it.'],
  },
  corrupt: {
    title: 'Debrief could not read its local database',
    steps: [
      'Nothing has been deleted or overwritten, and Debrief will not start with an empty database in its place.',
      'Try again. If it keeps happening, copy the details below and keep your last exported backup at hand.',
    ],
  },
  unavailable: {
    title: 'Local storage is turned off',
    steps: ['Debrief keeps your incidents in this browser’s storage (IndexedDB).', 'Allow site data for this address (private windows often block it), then try again.'],
  },
  quota: {
    title: 'The disk is full',
    steps: ['Free some disk space, then try again. Nothing has been lost.'],
  },
};

export function RecoveryScreen({ error, onRetry }: { error: DatabaseOpenError; onRetry: () => void }) {
  const advice = ADVICE[error.code];
  return (
    <main className="recovery" role="alert" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{advice.title}</h1>
      <ol>
        {advice.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onRetry}>
          Try again
        </button>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(`${error.code}: ${error.message}`)}>
          Copy details
        </button>
      </div>
      <details>
        <summary>Details</summary>
        <code>
          {error.code}: {error.message}
        </code>
      </details>
    </main>
  );
}
