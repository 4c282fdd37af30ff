import { useEffect, useState } from 'react';
import { db, openDatabase, requestPersistentStorage } from '@db/database';
import { purgeDeletedIncidents } from '@data/incidents';
import { isLocked, undoDeleteLockName } from '@data/events';
import { classifyOpenError, type DatabaseOpenError } from '@db/open-error';
import { App } from './App';
import { RecoveryScreen } from './RecoveryScreen';

type BootState = { phase: 'opening' } | { phase: 'ready' } | { phase: 'failed'; error: DatabaseOpenError };

async function boot(): Promise<void> {
  await openDatabase(db);
  // An incident whose Undo another window still shows stays until that window is done with it.
  await purgeDeletedIncidents(db, (incidentId) => isLocked(undoDeleteLockName(incidentId)));
  // Best effort: a refusal only means the browser may evict data under storage pressure.
  void requestPersistentStorage().catch(() => false);
}

/** Opens the database before anything else renders; failure shows the recovery screen. */
export function Boot() {
  const [state, setState] = useState<BootState>({ phase: 'opening' });
  useEffect(() => {
    let cancelled = false;
    boot().then(
      () => !cancelled && setState({ phase: 'ready' }),
      (error: unknown) => !cancelled && setState({ phase: 'failed', error: classifyOpenError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  useEffect(() => {
    // Another window upgraded the schema: this connection must let go and reload.
    const onVersionChange = () => {
      db.close();
      window.location.reload();
    };
    db.on('versionchange', onVersionChange);
    return () => db.on('versionchange').unsubscribe(onVersionChange);
  }, []);

  if (state.phase === 'opening') return <p className="loading">Opening your incident library…</p>;
  if (state.phase === 'failed') return <RecoveryScreen error={state.error} onRetry={() => window.location.reload()} />;
  return <App />;
}
