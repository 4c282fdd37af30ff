import type { Table, Transaction } from 'dexie';
import { fillSlaStart } from '@core/action-items/fill-sla-start';
import { DEFAULT_SLA_POLICY, parseSlaPolicy, type SlaPolicy } from '@core/action-items/sla-policy';
import { SlaError } from '@core/action-items/sla-error';
import type { ActionItem } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import { viewerTimeZone } from '@core/time/zones';
import { RESTORED_TABLES, restoreRecord, StoredRecordError } from '../restore';
import type { UpgradeHooks } from './upgrade-hooks';

/**
 * Version 4 → 5: records are no longer repaired on every read, so every stored record is
 * restored once here (missing fields of older versions get their defaults, wrong-typed fields
 * are replaced; unknown fields are kept). It runs in the one upgrade transaction: if anything
 * throws, the library stays at version 4 exactly as it was, and the next start tries again.
 *
 * A record that cannot be restored (it lacks the id or incident it belongs to) is left as it is
 * stored: no screen can show it, and dropping it would lose what the user had.
 */
export async function restoreEveryRecord(tx: Transaction, hooks: UpgradeHooks = {}): Promise<void> {
  for (const table of RESTORED_TABLES) {
    await tx
      .table(table)
      .toCollection()
      .modify((record: unknown, ref: { value: unknown }) => {
        try {
          ref.value = restoreRecord(table, record);
        } catch (error) {
          if (!(error instanceof StoredRecordError)) throw error;
        }
      });
    hooks.afterTableRestored?.(table);
  }
  await fillSlaStarts(tx);
}

/** The settings key of the SLA policy (data/action-items owns it; the upgrade only reads it). */
const SLA_POLICY_KEY = 'sla-policy';

/**
 * Version 4 did not keep the start an action item's due date counted from: it is recovered here
 * from the incident and the policy the due date was computed with (see fillSlaStart), in the
 * zone due dates are counted in (the user's own). Restoring an older version's backup runs it too.
 */
export async function fillSlaStarts(tx: { table(name: string): Table }): Promise<void> {
  const stored = (await tx.table('settings').get(SLA_POLICY_KEY)) as { value?: unknown } | undefined;
  let policy = structuredClone(DEFAULT_SLA_POLICY) as SlaPolicy;
  if (stored?.value !== undefined) {
    try {
      policy = parseSlaPolicy(stored.value);
    } catch (error) {
      // The app counts from the default policy when the stored one is refused; so does this.
      if (!(error instanceof SlaError)) throw error;
    }
  }
  const incidents = new Map(((await tx.table('incidents').toArray()) as Incident[]).map((incident) => [incident.id, incident]));
  const zone = viewerTimeZone();
  await tx
    .table('actionItems')
    .toCollection()
    .modify((item: ActionItem, ref: { value: ActionItem }) => {
      // A record restore could not place is left exactly as stored.
      if (item.slaStartAt !== undefined || typeof item.createdAt !== 'number' || !Object.hasOwn(policy.durations, item.priority)) return;
      try {
        ref.value = fillSlaStart(item, incidents.get(item.incidentId) ?? null, policy, zone);
      } catch (error) {
        // Dates the policy cannot count from leave the start unknown, as it was.
        if (!(error instanceof SlaError)) throw error;
      }
    });
}
