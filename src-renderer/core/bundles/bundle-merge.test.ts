import { describe, expect, it } from 'vitest';
import { BUNDLE_RECORD_TABLES, bundleFileName } from './bundle-manifest';
import { mergeWrites, planMerge, type LocalRecords } from './bundle-merge';
import type { BundleRecord, BundleRecords } from './bundle-records';

function records(partial: Partial<BundleRecords>): BundleRecords {
  return Object.fromEntries(BUNDLE_RECORD_TABLES.map((t) => [t, partial[t] ?? []])) as BundleRecords;
}
function local(partial: Partial<BundleRecords>): LocalRecords {
  const all = records(partial);
  return Object.fromEntries(BUNDLE_RECORD_TABLES.map((t) => [t, new Map(all[t].map((r) => [r.id, r]))])) as unknown as LocalRecords;
}
const note = (id: string, plainText: string, updatedAt: number, extra: Partial<BundleRecord> = {}): BundleRecord => ({ id, incidentId: 'i', plainText, target: { type: 'incident' }, updatedAt, ...extra });

describe('merge plan', () => {
  it('adds what is only in the bundle, keeps equal records whatever their field order, and never deletes', () => {
    const plan = planMerge(
      local({ annotations: [note('a', 'same', 1), note('mine', 'only here', 1)] }),
      records({ annotations: [{ target: { type: 'incident' }, updatedAt: 1, plainText: 'same', incidentId: 'i', id: 'a' }, note('b', 'new', 2)] }),
    );
    expect(plan.added.annotations.map((r) => r.id)).toEqual(['b']);
    expect(plan.unchanged).toBe(1);
    expect(plan.conflicts).toEqual([]);
    expect(mergeWrites(plan, new Map()).map((w) => w.record.id)).toEqual(['b']);
  });

  it('makes every record changed on both sides a conflict, preferring the newer, ours when neither has a time', () => {
    const plan = planMerge(
      local({ annotations: [note('old', 'ours', 5), note('new', 'ours', 9)], eventState: [{ id: 'e', incidentId: 'i', pinned: true }] }),
      records({ annotations: [note('old', 'theirs', 7), note('new', 'theirs', 3)], eventState: [{ id: 'e', incidentId: 'i', pinned: false }] }),
    );
    const preferred = Object.fromEntries(plan.conflicts.map((c) => [c.id, c.preferred]));
    expect(preferred).toEqual({ old: 'bundle', new: 'local', e: 'local' });
    expect(plan.conflicts.find((c) => c.id === 'old')?.fields).toEqual(['plainText']);
    expect(plan.conflicts.find((c) => c.id === 'old')?.label).toBe('Review note: “ours”');
    expect(mergeWrites(plan, new Map()).map((w) => w.record.plainText)).toEqual(['theirs']);
    expect(mergeWrites(plan, new Map([['annotations/old', 'local'], ['eventState/e', 'bundle']])).map((w) => `${w.table}/${w.record.id}`)).toEqual(['eventState/e']);
  });

  it('keeps an import that is already here as it is, never a conflict', () => {
    const plan = planMerge(local({ sources: [{ id: 's', incidentId: 'i', fileName: 'a.csv' }] }), records({ sources: [{ id: 's', incidentId: 'i', fileName: 'renamed.csv' }] }));
    expect(plan.sourcesKept).toBe(1);
    expect(plan.conflicts).toEqual([]);
    expect(mergeWrites(plan, new Map())).toEqual([]);
  });
});

describe('bundle file name', () => {
  it('is the title made file-safe and the local day', () => {
    expect(bundleFileName('Checkout: 5xx after déploy!', new Date(2024, 5, 13, 23, 59))).toBe('checkout-5xx-after-deploy-2024-06-13.debrief');
    expect(bundleFileName('   ', new Date(2024, 0, 2))).toBe('incident-2024-01-02.debrief');
  });
});
