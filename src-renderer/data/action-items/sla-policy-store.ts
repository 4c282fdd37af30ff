import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@db/database';
import type { DebriefDatabase } from '@db/schema';
import { DEFAULT_SLA_POLICY, parseSlaPolicy, type SlaPolicy } from '@core/action-items/sla-policy';
import { SlaError } from '@core/action-items/sla-error';
import { readSettingValue, writeSetting } from '../settings/settings-store';

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

export async function readSlaPolicy(database: DebriefDatabase = db): Promise<StoredPolicy> {
  return fromRecord(await readSettingValue(SLA_POLICY_KEY, database));
}

export function useSlaPolicy(): StoredPolicy | undefined {
  return useLiveQuery(() => readSlaPolicy(), []);
}

export async function writeSlaPolicy(policy: SlaPolicy, database: DebriefDatabase = db): Promise<void> {
  await writeSetting(SLA_POLICY_KEY, parseSlaPolicy(policy), database);
}
