import type { Source } from '@core/model/source';
import type { DebriefDatabase } from '@db/schema';

/**
 * The one definition of which events a screen may show: those of committed sources, and those
 * typed in by hand (the incident's manual pseudo-source, always visible). Events of an import
 * still being written, interrupted or being removed belong to a source in another state and are
 * never read at all: loaders only read the blocks of visible sources.
 */
export function isVisibleSource(source: Pick<Source, 'state'>): boolean {
  return source.state === VISIBLE_STATE;
}

/** The one source state whose events are visible. */
export const VISIBLE_STATE = 'committed' satisfies Source['state'];

/** Events typed in by hand (no import) belong to this pseudo-source, which is always visible. */
export function manualSourceId(incidentId: string): string {
  return `manual:${incidentId}`;
}

/**
 * The incident's visible sources, oldest import first (the order same-millisecond events keep).
 * Read through the `[incidentId+state]` index on purpose: a live query then watches this
 * incident's committed rows only, so an import's staging row (added, or discarded) and other
 * incidents' imports wake no view; the commit does, once.
 */
export async function visibleSources(database: DebriefDatabase, incidentId: string): Promise<Source[]> {
  const sources = await database.sources.where('[incidentId+state]').equals([incidentId, VISIBLE_STATE]).toArray();
  return sources.sort(bySourceOrder);
}

/** Imports in the order they were made; ties (same millisecond) by id, so the order is total. */
export function bySourceOrder(a: Pick<Source, 'importedAt' | 'id'>, b: Pick<Source, 'importedAt' | 'id'>): number {
  return a.importedAt - b.importedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
