import { useEffect, useState } from 'react';
import { classifyOpenError, onLibraryUpgradedElsewhere, openLibrary, type DatabaseOpenError } from '@data/library';
import { App } from './App';
import { RecoveryScreen } from './RecoveryScreen';

type BootState = { phase: 'opening' } | { phase: 'ready' } | { phase: 'failed'; error: DatabaseOpenError };

/** Opens the database before anything else renders; failure shows the recovery screen. */
export function Boot() {
  const [state, setState] = useState<BootState>({ phase: 'opening' });
  useEffect(() => {
    let cancelled = false;
    openLibrary().then(
      () => !cancelled && setState({ phase: 'ready' }),
      (error: unknown) => !cancelled && setState({ phase: 'failed', error: classifyOpenError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  // Another window upgraded the schema: this connection must let go and reload.
  useEffect(() => onLibraryUpgradedElsewhere(() => window.location.reload()), []);

  if (state.phase === 'opening') return <p className="loading">Opening your incident library…</p>;
  if (state.phase === 'failed') return <RecoveryScreen error={state.error} onRetry={() => window.location.reload()} />;
  return <App />;
}
