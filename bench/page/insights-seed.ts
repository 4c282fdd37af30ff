// Seeds for bench/insights-bench.mjs: a library of many catalogued incidents with their events
// (written in blocks as an import writes them), and one big incident exported and imported as a
// bundle with the project's own data-layer functions.
import { BlockBuilder, type BlockWrite } from '@db/event-blocks';
import { DebriefDatabase } from '@db/schema';
import type { ActionItem } from '@core/model/action-item';
import type { IncidentCatalog } from '@core/model/catalog';
import type { Incident } from '@core/model/incident';
import type { Milestone } from '@core/model/milestone';
import type { Source } from '@core/model/source';
import { SEVERITIES } from '@core/model/severity';
import { FAILURE_DOMAINS, RESOLUTIONS, TRIGGERS } from '@core/model/catalog';
import { exportIncidentBundle } from '@data/bundles/bundle-files';
import { readBundleArchive } from '@data/bundles/bundle-archive';
import { applyBundleImport, planBundleImport } from '@data/bundles/bundle-import';
import { syntheticEvents } from './synthetic-events';

const SERVICES = ['checkout', 'payments-api', 'search', 'auth', 'notifications', 'catalog', 'websocket-gateway', 'orders'];
const FACTORS = ['missing alert', 'config drift', 'retry storm', 'stale runbook', 'pool exhaustion', 'no canary', 'slow rollback'];
const DAY = 86_400_000;

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length];
}

async function writeBlocks(database: DebriefDatabase, writes: BlockWrite[]): Promise<void> {
  await database.transaction('rw', [database.eventBlocks, database.eventRaw, database.eventKeys], async () => {
    await database.eventBlocks.bulkAdd(writes.map((w) => w.block));
    await database.eventRaw.bulkAdd(writes.map((w) => w.raw));
    await database.eventKeys.bulkAdd(writes.map((w) => w.keys));
  });
}

/** One committed source of `count` synthetic events from `start`; `deployFirst` makes the first event a deploy. */
async function seedEvents(database: DebriefDatabase, incidentId: string, count: number, start: number, options: { deployFirst?: boolean; raw?: boolean } = {}): Promise<Source> {
  const sourceId = `${incidentId}-source`;
  const builder = new BlockBuilder(sourceId, incidentId);
  let pending: BlockWrite[] = [];
  let index = 0;
  for (const event of syntheticEvents(count, start)) {
    const kind = options.deployFirst && index === 0 ? 'deploy' : event.kind;
    const raw = options.raw ? { ts: String(event.at / 1000), user: event.actorName, channel: event.channel, text: event.text, type: 'message' } : null;
    const full = builder.add({ ...event, kind }, raw);
    index++;
    if (full) pending.push(full);
    if (pending.length >= 8) {
      await writeBlocks(database, pending);
      pending = [];
    }
  }
  pending.push(...builder.flush());
  if (pending.length) await writeBlocks(database, pending);
  const source: Source = {
    id: sourceId, incidentId, fileName: 'slack-export.zip', size: 1, sha256: incidentId, format: 'slack-export', state: 'committed',
    counts: { added: count, duplicates: 0, skipped: 0, warnings: 0 }, warnings: [], importedAt: start, blockCount: builder.blocks, actorCounts: builder.actorCounts,
  };
  await database.sources.put(source);
  return source;
}

export const insightsBench = {
  /**
   * `incidents` catalogued incidents spread over five years (ending 2026-06-30), each with
   * `eventsPerIncident` events, Detect/Mitigate/Under Control/All Clear milestones and two action
   * items; two in five have a deploy event just before detection.
   */
  async seedInsightsLibrary(incidents: number, eventsPerIncident: number): Promise<{ ms: number; events: number }> {
    const started = performance.now();
    const database = new DebriefDatabase({ durability: 'relaxed' });
    const end = Date.UTC(2026, 5, 30);
    const span = 5 * 365 * DAY;
    for (let i = 0; i < incidents; i++) {
      const id = `ins-${String(i).padStart(4, '0')}`;
      const startedAt = end - span + Math.floor((i + 0.5) * (span / incidents));
      const detectedAt = startedAt + 5 * 60_000;
      const mitigated = detectedAt + (20 + (i % 9) * 15) * 60_000;
      const resolvedAt = mitigated + (30 + (i % 5) * 20) * 60_000;
      const catalog: IncidentCatalog = {
        failureDomains: [pick(FAILURE_DOMAINS, i)],
        trigger: pick(TRIGGERS, i * 3),
        contributingFactors: [pick(FACTORS, i), pick(FACTORS, i * 5 + 1)],
        detectionMethod: pick(['alert', 'customer', 'deploy dashboard', 'engineer'], i),
        resolution: pick(RESOLUTIONS, i * 7),
        lessons: { wentWell: ['fast rollback'], wentPoorly: ['paging delay'], lucky: [] },
        customerImpactMinutes: null,
      };
      const now = startedAt + 7 * DAY;
      const incident: Incident = {
        id, title: `Bench incident ${i}: ${pick(SERVICES, i)} degraded`, severity: pick(SEVERITIES, i * 7 + (i >> 3)), status: 'closed', startedAt, detectedAt, resolvedAt, reviewAt: resolvedAt + 3 * DAY,
        timeZone: 'UTC', services: [pick(SERVICES, i), pick(SERVICES, i * 3 + 1)], commander: `IC ${i % 12}`, roles: [], summary: '', catalog, createdAt: now, updatedAt: now, deletedAt: null,
      };
      const milestone = (kind: Milestone['kind'], at: number): Milestone => ({ id: `${id}-${kind}`, incidentId: id, kind, label: kind, at, eventId: null, note: '', createdAt: now, updatedAt: now });
      const milestones = [milestone('Detect', detectedAt), milestone('Assemble', detectedAt + 4 * 60_000), milestone('Mitigate', mitigated), milestone('Under Control', mitigated + 10 * 60_000), milestone('All Clear', resolvedAt)];
      const item = (n: number): ActionItem => ({
        id: `${id}-ai-${n}`, incidentId: id, title: `Follow-up ${n} of ${i}`, description: '', ownerId: null, ownerName: `Owner ${(i + n) % 15}`, priority: pick(['P1', 'P2', 'P3', 'P4'] as const, i + n),
        status: (i + n) % 3 === 0 ? 'open' : 'done', wontDoReason: '', kind: 'prevent', createdAt: resolvedAt, dueAt: resolvedAt + (n + 1) * 14 * DAY, dueSetByHand: false,
        completedAt: (i + n) % 3 === 0 ? null : resolvedAt + (n + 1) * 10 * DAY, trackerUrl: '', eventIds: [], annotationIds: [], updatedAt: now,
      });
      await database.transaction('rw', [database.incidents, database.milestones, database.actionItems], async () => {
        await database.incidents.put(incident);
        await database.milestones.bulkPut(milestones);
        await database.actionItems.bulkPut([item(0), item(1)]);
      });
      await seedEvents(database, id, eventsPerIncident, startedAt - 2 * 60_000, { deployFirst: i % 5 < 2 });
    }
    database.close();
    return { ms: performance.now() - started, events: incidents * eventsPerIncident };
  },

  /**
   * A `count`-event incident (with original records) exported as a bundle, then read, planned and
   * imported into an empty library; checks every stored row came back byte-identical.
   */
  async bundleRoundTrip(count: number): Promise<Record<string, number | boolean | string>> {
    const source = new DebriefDatabase({ name: 'bench-bundle-source', durability: 'relaxed' });
    const target = new DebriefDatabase({ name: 'bench-bundle-target' });
    await Promise.all([source.delete(), target.delete()]);
    await Promise.all([source.open(), target.open()]);
    const id = `bundle-${count}`;
    const start = Date.UTC(2024, 5, 12, 21, 0);
    await source.incidents.put({
      id, title: `Bundle bench (${count} events)`, severity: 'SEV1', status: 'in-review', startedAt: start, detectedAt: start + 300_000, resolvedAt: start + 6 * 3_600_000, reviewAt: null,
      timeZone: 'UTC', services: ['checkout'], commander: 'Priya Raman', roles: [], summary: '', createdAt: start, updatedAt: start, deletedAt: null,
    });
    const seeded = await seedEvents(source, id, count, start, { raw: true });
    const t0 = performance.now();
    const exported = await exportIncidentBundle(source, id, { includeRedactedText: true, includeOriginalRecords: true });
    const t1 = performance.now();
    const bytes = new Uint8Array(await exported.blob.arrayBuffer());
    const t2 = performance.now();
    const read = await readBundleArchive({ name: exported.fileName, size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) });
    const t3 = performance.now();
    const plan = await planBundleImport(target, read.contents);
    const result = await applyBundleImport(target, read.contents, plan, new Map());
    const t4 = performance.now();

    const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);
    const [blocksA, blocksB, rawA, rawB, keysA, keysB] = await Promise.all([
      source.eventBlocks.toArray(), target.eventBlocks.toArray(), source.eventRaw.toArray(), target.eventRaw.toArray(), source.eventKeys.toArray(), target.eventKeys.toArray(),
    ]);
    const sameBlocks = blocksA.length === blocksB.length && blocksA.every((a, i) => equalBytes(a.data, blocksB[i].data) && equalBytes(a.terms, blocksB[i].terms) && a.count === blocksB[i].count && a.firstAt === blocksB[i].firstAt);
    const sameRaw = rawA.length === rawB.length && rawA.every((a, i) => a.json === rawB[i].json);
    const sameKeys = keysA.length === keysB.length && keysA.every((a, i) => equalBytes(a.keys, keysB[i].keys));
    const sameRecords =
      JSON.stringify([await source.incidents.get(id), await source.sources.get(seeded.id)]) === JSON.stringify([await target.incidents.get(id), await target.sources.get(seeded.id)]);
    source.close();
    target.close();
    await Promise.all([source.delete(), target.delete()]);
    return {
      events: count,
      bundleBytes: exported.blob.size,
      exportMs: t1 - t0,
      verifyMs: t3 - t2,
      importMs: t4 - t3,
      eventsImported: result.events,
      identical: sameBlocks && sameRaw && sameKeys && sameRecords,
      blocks: blocksA.length,
    };
  },
};
