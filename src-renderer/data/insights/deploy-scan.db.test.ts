import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import { buildManualEvent, putManualEvent } from '../events/event-writes';
import { putTestSource } from '../events/test-events';
import { deployNearDetection, hasDeployBeforeDetection } from './deploy-scan';

const freshDb = createTestDatabases('deploy-scan');
const MIN = 60_000;
const DETECTED = Date.UTC(2024, 5, 13, 8, 0);

describe('deploy before detection', () => {
  it('counts an imported deploy up to 30 minutes before detection, not earlier, not after, not in an unfinished import', async () => {
    const db = await freshDb();
    await putTestSource(db, { id: 'near', incidentId: 'near', state: 'committed' }, [{ at: DETECTED - 50 * MIN }, { at: DETECTED - 30 * MIN, kind: 'deploy' }, { at: DETECTED + MIN }], 1);
    await putTestSource(db, { id: 'early', incidentId: 'early', state: 'committed' }, [{ at: DETECTED - 31 * MIN, kind: 'deploy' }, { at: DETECTED - 5 * MIN }]);
    await putTestSource(db, { id: 'after', incidentId: 'after', state: 'committed' }, [{ at: DETECTED + 1, kind: 'deploy' }]);
    await putTestSource(db, { id: 'staged', incidentId: 'staged', state: 'staging' }, [{ at: DETECTED - MIN, kind: 'deploy' }]);
    expect(await hasDeployBeforeDetection(db, 'near', DETECTED)).toBe(true);
    expect(await hasDeployBeforeDetection(db, 'early', DETECTED)).toBe(false);
    expect(await hasDeployBeforeDetection(db, 'after', DETECTED)).toBe(false);
    expect(await hasDeployBeforeDetection(db, 'staged', DETECTED)).toBe(false);
  });

  it('counts a deploy typed in by hand', async () => {
    const db = await freshDb();
    await putManualEvent(db, { ...buildManualEvent({ incidentId: 'typed', at: DETECTED - 10 * MIN, typed: '', actorName: 'Dana', text: 'deployed 42' }, 'm1'), kind: 'deploy' });
    expect(await hasDeployBeforeDetection(db, 'typed', DETECTED)).toBe(true);
    expect(await hasDeployBeforeDetection(db, 'typed', DETECTED - 11 * MIN)).toBe(false);
  });

  it('caches each answer with what it depends on: a changed detection time scans again, incidents without events or detection are not scanned', async () => {
    const db = await freshDb();
    await putTestSource(db, { id: 's', incidentId: 'a', state: 'committed' }, [{ at: DETECTED - 10 * MIN, kind: 'deploy' }]);
    const progress: [number, number][] = [];
    const incidents = [
      { id: 'a', detectedAt: DETECTED },
      { id: 'quiet', detectedAt: DETECTED },
      { id: 'undetected', detectedAt: null },
    ];
    expect([...(await deployNearDetection(db, incidents, (done, total) => progress.push([done, total])))]).toEqual(['a']);
    expect(progress.at(-1)).toEqual([2, 2]);
    // The blocks go away behind the cache's back: the cached answer stands while nothing it depends on changed…
    await db.eventBlocks.clear();
    expect([...(await deployNearDetection(db, incidents))]).toEqual(['a']);
    // …and a new detection time asks the (now empty) blocks again.
    expect([...(await deployNearDetection(db, [{ id: 'a', detectedAt: DETECTED + MIN }]))]).toEqual([]);
  });

  it('writes no cache when cancelled', async () => {
    const db = await freshDb();
    await putTestSource(db, { id: 's', incidentId: 'a', state: 'committed' }, [{ at: DETECTED - 10 * MIN, kind: 'deploy' }]);
    expect([...(await deployNearDetection(db, [{ id: 'a', detectedAt: DETECTED }], undefined, () => true))]).toEqual([]);
    expect(await db.settings.get('insights.deployNearDetection')).toBeUndefined();
  });
});
