import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import { writeSetting } from '@db/settings-store';
import { DEFAULT_SLA_POLICY, parseSlaPolicy, type SlaPolicy } from '@core/action-items/sla-policy';
import { SlaError } from '@core/action-items/sla-error';

export const SLA_POLICY_KEY = 'sla-policy';

export interface StoredPolicy {
  policy: SlaPolicy;
  /** Why the stored policy was refused (the default is used instead), or null. */
  problem: string | null;
}

function fromRecord(value: unknown): StoredPolicy {
  if (value === undefined) return { policy: structuredClone(DEFAULT_SLA_POLICY) as SlaPolicy, problem: null };
  try {
    return { policy: parseSlaPolicy(value), problem: null };
  } catch (error) {
    if (!(error instanceof SlaError)) throw error;
    return { policy: structuredClone(DEFAULT_SLA_POLICY) as SlaPolicy, problem: error.message };
  }
}

export async function readSlaPolicy(): Promise<StoredPolicy> {
  return fromRecord((await db.settings.get(SLA_POLICY_KEY))?.value);
}

export function useSlaPolicy(): StoredPolicy | undefined {
  return useLiveQuery(async () => fromRecord((await db.settings.get(SLA_POLICY_KEY))?.value), []);
}

export async function writeSlaPolicy(policy: SlaPolicy): Promise<void> {
  await writeSetting(db, SLA_POLICY_KEY, parseSlaPolicy(policy));
}

/** The viewer's zone: due dates are days on their calendar. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
