import { useState, useSyncExternalStore } from 'react';
import { formatBytes, plural } from './format-size';
import type { ProgressFeed } from './progress-feed';
import type { ImportPhaseProgress } from './worker-protocol';

/** Hashing is the first tenth, reading up to 60 %, saving the rest. */
function progressFraction(progress: ImportPhaseProgress | null): number {
  if (!progress) return 0;
  const bytes = progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;
  if (progress.phase === 'hashing') return 0.1 * bytes;
  if (progress.phase === 'reading') return 0.1 + 0.5 * bytes;
  if (progress.phase === 'waiting') return 0.6;
  return 0.6 + 0.4 * (progress.eventsTotal ? progress.events / progress.eventsTotal : 0);
}

const PHASE_LABEL = {
  hashing: 'Checking the file',
  reading: 'Reading',
  waiting: 'Waiting for another import into this incident to finish',
  writing: 'Saving events',
  committing: 'Finishing',
} as const;

interface Props {
  /** The names of the wizard's inputs, in order (the feed says which one is importing). */
  names: readonly string[];
  feed: ProgressFeed;
  onCancel(): void;
}

/**
 * The running import: a determinate bar and one line of text, drawn again only when a progress
 * message arrives (at most a few a second). Nothing here moves between two messages, so the
 * window's compositor has nothing to draw while the worker imports.
 */
export function RunningView({ names, feed, onCancel }: Props) {
  const { index, value: progress } = useSyncExternalStore(feed.subscribe, feed.get);
  const [cancelling, setCancelling] = useState(false);
  return (
    <div className="import-running" aria-live="polite">
      <p>
        <strong>{names[index]}</strong> <span className="muted">({index + 1} of {names.length})</span>
      </p>
      <progress max={1} value={progressFraction(progress)} aria-label="Import progress" />
      {progress && (
        <p className="muted">
          {PHASE_LABEL[progress.phase]} · {progress.filesDone}/{progress.filesTotal} files · {formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)} ·{' '}
          {plural(progress.events, 'event')}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          data-autofocus
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            onCancel();
          }}
        >
          {cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </div>
    </div>
  );
}
