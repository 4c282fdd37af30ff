import type { StoreLocation } from '../cli/options.ts';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { SyncStore } from './sync-store.ts';

export async function openStore(location: StoreLocation, options: { fsync?: boolean } = {}): Promise<SyncStore> {
  return location.kind === 'postgres' ? openPostgresStore(location.url) : openSqliteStore(location.dataDir, options);
}
