import type { SyncRole } from '../protocol/doc-names.ts';
import type { SyncStore, TokenRecord } from '../store/sync-store.ts';
import { generateToken } from './token.ts';

/** Creates a token: stores its hash and returns the plain token, which exists only here. */
export async function issueToken(store: SyncStore, grant: { team: string; role: SyncRole; label?: string }): Promise<{ token: string; record: TokenRecord }> {
  const { id, token, hash } = generateToken();
  const record = await store.createToken({ id, hash, team: grant.team, role: grant.role, label: grant.label ?? '' });
  return { token, record };
}
