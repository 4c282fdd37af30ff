import { z } from 'zod';
import { decodeEventBlock } from '@core/events/event-block';
import { deployCounts, DEPLOY_WINDOW_MINUTES } from '@core/insights/trends';
import type { DebriefDatabase } from '@db/schema';
import { readSetting, writeSetting } from '../settings';
import { sourceBlocks } from '../events/load-events';
import { visibleSources } from '../events/visibility';

/**
 * Whether an imported or typed-in event of kind "deploy" came within 30 minutes before the
 * incident was detected. Only blocks whose time span touches that window are decoded.
 */
export async function hasDeployBeforeDetection(database: DebriefDatabase, incidentId: string, detectedAt: number): Promise<boolean> {
  const windowStart = detectedAt - DEPLOY_WINDOW_MINUTES * 60_000;
  const manual = await database.manualEvents.where('incidentId').equals(incidentId).toArray();
  if (manual.some((e) => e.kind === 'deploy' && deployCounts(e.at, detectedAt))) return true;
  for (const source of await visibleSources(database, incidentId)) {
    const blocks = await sourceBlocks(database, source.id)
      .filter((b) => b.firstAt <= detectedAt && b.lastAt >= windowStart)
      .toArray();
    for (const record of blocks) {
      const block = decodeEventBlock(record.data);
      for (let row = 0; row < block.count; row++) {
        if (block.kind.get(row) === 'deploy' && deployCounts(block.at[row] as number, detectedAt)) return true;
      }
    }
  }
  return false;
}

const CACHE_KEY = 'insights.deployNearDetection';

interface CacheEntry {
  detectedAt: number;
  signature: string;
  value: boolean;
}

const cacheSchema = z.record(z.string(), z.object({ detectedAt: z.number(), signature: z.string(), value: z.boolean() }));

/**
 * The ids of incidents with a deploy event shortly before detection. Answers are cached per
 * incident with what they depend on (detection time, the incident's sources and typed-in
 * events), so only new or changed incidents are scanned; `onProgress` reports the scan.
 */
export async function deployNearDetection(
  database: DebriefDatabase,
  incidents: readonly { id: string; detectedAt: number | null }[],
  onProgress?: (done: number, total: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<Set<string>> {
  const [sources, manual, cache] = await Promise.all([database.sources.toArray(), database.manualEvents.toArray(), readSetting(CACHE_KEY, cacheSchema, {}, database)]);
  const signatureOf = new Map<string, string[]>();
  for (const s of sources) signatureOf.set(s.incidentId, [...(signatureOf.get(s.incidentId) ?? []), `${s.id}:${s.state}`]);
  for (const m of manual) if (m.kind === 'deploy') signatureOf.set(m.incidentId, [...(signatureOf.get(m.incidentId) ?? []), `m:${m.id}:${m.at}`]);
  const next: Record<string, CacheEntry> = {};
  const found = new Set<string>();
  const todo = incidents.filter((i): i is { id: string; detectedAt: number } => i.detectedAt !== null);
  let done = 0;
  for (const incident of todo) {
    if (isCancelled()) break;
    const signature = (signatureOf.get(incident.id) ?? []).sort().join(',');
    const cached = cache[incident.id];
    const value =
      cached && cached.detectedAt === incident.detectedAt && cached.signature === signature ? cached.value : signature === '' ? false : await hasDeployBeforeDetection(database, incident.id, incident.detectedAt);
    next[incident.id] = { detectedAt: incident.detectedAt, signature, value };
    if (value) found.add(incident.id);
    done += 1;
    if (done % 20 === 0) onProgress?.(done, todo.length);
  }
  onProgress?.(done, todo.length);
  if (!isCancelled()) await writeSetting(CACHE_KEY, next, database);
  return found;
}
