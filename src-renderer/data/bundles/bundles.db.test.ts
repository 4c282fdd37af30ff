import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createTestDatabases } from '@db/test-database';
import { BundleError } from '@core/bundles/bundle-error';
import { MASK_CHARACTER } from '@core/timeline/redaction';
import { bytesSource } from '@core/importers/byte-source';
import type { DebriefDatabase } from '@db/schema';
import { createIncident, patchIncident } from '../incidents/incident-writes';
import { createAnnotation, updateAnnotation } from '../annotations/annotation-writes';
import { addRedaction, setEventRedacted, setPinned, buildManualEvent, putManualEvent } from '../events/event-writes';
import { loadVisibleEvents } from '../events/load-events';
import { putTestSource } from '../events/test-events';
import { exportIncidentBundle } from './bundle-files';
import { readBundleArchive } from './bundle-archive';
import { applyBundleImport, planBundleImport } from './bundle-import';

const freshDb = createTestDatabases('bundles');
const ALL = { includeRedactedText: true, includeOriginalRecords: true };

async function seed(database: DebriefDatabase) {
  const incident = await createIncident(
    { title: 'Checkout returns 5xx', severity: 'SEV2', status: 'resolved', startedAt: 1000, detectedAt: 2000, resolvedAt: 9000, reviewAt: null, timeZone: 'UTC', services: ['checkout'], commander: 'Priya', roles: [], summary: 'config change' },
    database,
  );
  await putTestSource(database, { id: 'src-a', incidentId: incident.id, state: 'committed' }, [
    { at: 1100, text: 'deploy 42 started' },
    { at: 1200, text: 'card 4111 1111 declined for alice@example.com', links: [{ url: 'mailto:alice@example.com', label: 'alice@example.com' }] },
    { at: 1300, text: 'rolled back' },
  ]);
  await putTestSource(database, { id: 'src-staging', incidentId: incident.id, state: 'staging' }, [{ at: 1150, text: 'half-imported' }]);
  const manual = buildManualEvent({ incidentId: incident.id, at: 1250, typed: '1250', actorName: 'Dana', text: 'paged the DB team' }, 'manual-1');
  await putManualEvent(database, manual);
  const events = await loadVisibleEvents(database, incident.id);
  const byText = (t: string) => {
    const found = events.find((e) => e.text.startsWith(t));
    if (!found) throw new Error(`no event “${t}”`);
    return found;
  };
  await setPinned(database, byText('deploy'), true);
  const card = byText('card');
  await addRedaction(database, card, { start: 5, end: 14 });
  await addRedaction(database, card, { start: 28, end: 45 });
  await setEventRedacted(database, byText('rolled'), true);
  const note = await createAnnotation({ incidentId: incident.id, target: { type: 'incident' }, author: 'Tom' }, database);
  await updateAnnotation(note.id, { plainText: 'Rollback took 20 minutes' }, database);
  return { incident, note };
}

/** Every stored row of the incident, table by table, as IndexedDB holds it. */
async function snapshot(database: DebriefDatabase, incidentId: string) {
  const tables = ['incidents', 'sources', 'eventBlocks', 'eventRaw', 'eventKeys', 'eventState', 'manualEvents', 'milestones', 'annotations', 'documents', 'actionItems'] as const;
  const out: Record<string, unknown[]> = {};
  for (const name of tables) {
    const table = database.table(name);
    const rows = name === 'incidents' ? [await table.get(incidentId)] : await table.where('incidentId').equals(incidentId).toArray();
    out[name] = rows.filter((r: { state?: string }) => r?.state !== 'staging' && !(name !== 'sources' && JSON.stringify(r).includes('src-staging')));
  }
  return out;
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

async function roundTrip(from: DebriefDatabase, to: DebriefDatabase, incidentId: string, options = ALL) {
  const exported = await exportIncidentBundle(from, incidentId, options);
  const { contents } = await readBundleArchive(bytesSource(exported.fileName, await bytesOf(exported.blob)));
  const plan = await planBundleImport(to, contents);
  await applyBundleImport(to, contents, plan, new Map());
  return { exported, plan };
}

describe('incident bundles', () => {
  it('round-trips an incident into an empty library with every record byte-identical, staging imports left out', async () => {
    const here = await freshDb();
    const there = await freshDb();
    const { incident } = await seed(here);
    const { exported, plan } = await roundTrip(here, there, incident.id);
    expect(exported.fileName).toMatch(/^checkout-returns-5xx-\d{4}-\d{2}-\d{2}\.debrief$/);
    expect(plan.exists).toBe(false);
    expect(plan.merge.conflicts).toEqual([]);
    const before = await snapshot(here, incident.id);
    const after = await snapshot(there, incident.id);
    expect(after).toEqual(before);
    expect((after.eventBlocks as { data: Uint8Array }[]).length).toBeGreaterThan(0);
    expect(await there.sources.get('src-staging')).toBeUndefined();
    expect((await loadVisibleEvents(there, incident.id)).map((e) => e.text)).toEqual((await loadVisibleEvents(here, incident.id)).map((e) => e.text));
  });

  it('masks redacted text unless asked to include it: spans keep their place, the original record and leaking links go', async () => {
    const here = await freshDb();
    const there = await freshDb();
    const { incident } = await seed(here);
    const exported = await exportIncidentBundle(here, incident.id, { includeRedactedText: false, includeOriginalRecords: true });
    const files = unzipSync(await bytesOf(exported.blob));
    const everything = Object.values(files).map((bytes) => new TextDecoder().decode(bytes)).join('\n');
    expect(everything).not.toContain('4111 1111');
    expect(everything).not.toContain('alice@example.com');
    expect(everything).not.toContain('rolled back');
    expect(everything).toContain('deploy 42 started');
    const { contents } = await readBundleArchive(bytesSource('x.debrief', await bytesOf(exported.blob)));
    await applyBundleImport(there, contents, await planBundleImport(there, contents), new Map());
    const events = await loadVisibleEvents(there, incident.id);
    const card = events.find((e) => e.text.startsWith('card'));
    expect(card?.text).toBe(`card ${MASK_CHARACTER.repeat(9)} declined for ${MASK_CHARACTER.repeat(17)}`);
    expect(card?.redactions).toEqual([{ start: 5, end: 14 }, { start: 28, end: 45 }]);
    expect(card?.links).toEqual([]);
    expect(card?.raw).toBeNull();
    const rolled = events.find((e) => e.redacted);
    expect(rolled?.text).toBeDefined();
    expect(rolled?.text).not.toContain('rolled');
    expect(events.find((e) => e.text.startsWith('deploy'))?.raw).toEqual({ row: 0 });
  });

  it('leaves the original records out when not asked for them', async () => {
    const here = await freshDb();
    const there = await freshDb();
    const { incident } = await seed(here);
    await roundTrip(here, there, incident.id, { includeRedactedText: true, includeOriginalRecords: false });
    expect(await there.eventRaw.count()).toBe(0);
    const imported = (await loadVisibleEvents(there, incident.id)).filter((e) => e.sourceId === 'src-a');
    expect(imported.map((e) => e.raw)).toEqual([null, null, null]);
  });

  it('lists records changed on both sides as conflicts, newer preselected, and applies only what the user chose', async () => {
    const here = await freshDb();
    const there = await freshDb();
    const { incident, note } = await seed(here);
    await roundTrip(here, there, incident.id);
    // Both sides edit after sharing: the title here (older), the note there (newer).
    await patchIncident(incident.id, { title: 'Checkout 5xx (theirs)', updatedAt: 50 }, there);
    await patchIncident(incident.id, { title: 'Checkout 5xx (ours)', updatedAt: 10 }, here);
    await updateAnnotation(note.id, { plainText: 'Rollback took 25 minutes' }, there);
    await new Promise((r) => setTimeout(r, 5));
    await updateAnnotation(note.id, { plainText: 'Rollback took 30 minutes' }, here);
    const added = await createAnnotation({ incidentId: incident.id, target: { type: 'incident' }, author: 'Ana' }, there);

    const exported = await exportIncidentBundle(there, incident.id, ALL);
    const { contents } = await readBundleArchive(bytesSource('theirs.debrief', await bytesOf(exported.blob)));
    const plan = await planBundleImport(here, contents);
    expect(plan.exists).toBe(true);
    expect(plan.merge.added.annotations.map((a) => a.id)).toEqual([added.id]);
    const byTable = Object.fromEntries(plan.merge.conflicts.map((c) => [c.table, c]));
    expect(Object.keys(byTable).sort()).toEqual(['annotations', 'incidents']);
    expect(byTable.incidents.preferred).toBe('bundle');
    expect(byTable.incidents.fields).toEqual(['title']);
    expect(byTable.annotations.preferred).toBe('local');
    expect(byTable.annotations.label).toContain('Rollback took 30 minutes');

    // Nothing is written by planning.
    expect((await here.incidents.get(incident.id))?.title).toBe('Checkout 5xx (ours)');
    await applyBundleImport(here, contents, plan, new Map([[byTable.incidents.key, 'local'], [byTable.annotations.key, 'bundle']]));
    expect((await here.incidents.get(incident.id))?.title).toBe('Checkout 5xx (ours)');
    expect((await here.annotations.get(note.id))?.plainText).toBe('Rollback took 25 minutes');
    expect(await here.annotations.get(added.id)).toBeDefined();
    expect(await here.eventBlocks.where('incidentId').equals(incident.id).count()).toBe(await there.eventBlocks.where('incidentId').equals(incident.id).count() + 1);
  });

  it('refuses to apply when a record changed in the library after the conflicts were shown', async () => {
    const here = await freshDb();
    const there = await freshDb();
    const { incident } = await seed(here);
    await roundTrip(here, there, incident.id);
    await patchIncident(incident.id, { title: 'theirs', updatedAt: 50 }, there);
    const { contents } = await readBundleArchive(bytesSource('t.debrief', await bytesOf((await exportIncidentBundle(there, incident.id, ALL)).blob)));
    const plan = await planBundleImport(here, contents);
    await patchIncident(incident.id, { title: 'edited meanwhile', updatedAt: 60 }, here);
    await expect(applyBundleImport(here, contents, plan, new Map())).rejects.toThrow(/changed in your library/);
    expect((await here.incidents.get(incident.id))?.title).toBe('edited meanwhile');
  });

  it('restores each record as it enters: fields an older version left out get their defaults', async () => {
    const here = await freshDb();
    const there = await freshDb();
    const { incident } = await seed(here);
    // As an older version stored it: no kind, note or impact fields.
    await here.milestones.put({ id: 'old-milestone', incidentId: incident.id, label: 'Paged', at: 1150 } as never);
    await roundTrip(here, there, incident.id);
    expect(await there.milestones.get('old-milestone')).toMatchObject({ kind: 'Custom', label: 'Paged', at: 1150, eventId: null, note: '', createdAt: 0 });
  });

  it('refuses a tampered entry, naming it, and changes nothing', async () => {
    const here = await freshDb();
    const there = await freshDb();
    const { incident } = await seed(here);
    const files = unzipSync(await bytesOf((await exportIncidentBundle(here, incident.id, ALL)).blob));
    files['records/annotations.json'] = strToU8(new TextDecoder().decode(files['records/annotations.json']).replace('20 minutes', '2 minutes'));
    const tampered = zipSync(files);
    const error = await readBundleArchive(bytesSource('tampered.debrief', tampered)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('TAMPERED');
    expect((error as BundleError).message).toContain('records/annotations.json');
    expect((error as BundleError).message).toContain('tampered.debrief');
    expect(await there.incidents.count()).toBe(0);
  });

  it('refuses an entry the manifest does not list, and one it lists that is missing', async () => {
    const here = await freshDb();
    const { incident } = await seed(here);
    const files = unzipSync(await bytesOf((await exportIncidentBundle(here, incident.id, ALL)).blob));
    const extra = zipSync({ ...files, 'records/extra.json': strToU8('[]') });
    await expect(readBundleArchive(bytesSource('extra.debrief', extra))).rejects.toThrow(/records\/extra\.json, which its manifest does not list/);
    const { ['events/0/keys.bin']: _dropped, ...rest } = files;
    await expect(readBundleArchive(bytesSource('short.debrief', zipSync(rest)))).rejects.toThrow(/lacks the entry events\/0\/keys\.bin/);
  });

  it('refuses a truncated bundle with a clear message', async () => {
    const here = await freshDb();
    const { incident } = await seed(here);
    const bytes = await bytesOf((await exportIncidentBundle(here, incident.id, ALL)).blob);
    for (const cut of [bytes.length - 10, Math.floor(bytes.length / 2)]) {
      const error = await readBundleArchive(bytesSource('cut.debrief', bytes.subarray(0, cut))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BundleError);
      expect((error as BundleError).code).toBe('TRUNCATED');
      expect((error as BundleError).message).toMatch(/^cut\.debrief is cut short or damaged/);
    }
  });

  it('refuses a file that is not a bundle, and records of another incident', async () => {
    const here = await freshDb();
    const { incident } = await seed(here);
    await expect(readBundleArchive(bytesSource('notes.txt', strToU8('hello')))).rejects.toThrow(/notes\.txt is not a Debrief bundle/);
    await expect(readBundleArchive(bytesSource('plain.zip', zipSync({ 'a.txt': strToU8('x') })))).rejects.toThrow(/plain\.zip is not a Debrief bundle: it has no manifest\.json/);
    const other = await createIncident({ title: 'Other', severity: 'SEV4', status: 'active', startedAt: null, detectedAt: null, resolvedAt: null, reviewAt: null, timeZone: 'UTC', services: [], commander: '', roles: [], summary: '' }, here);
    const note = await createAnnotation({ incidentId: other.id, target: { type: 'incident' }, author: 'x' }, here);
    const exported = await exportIncidentBundle(here, incident.id, ALL);
    const { contents } = await readBundleArchive(bytesSource('ok.debrief', await bytesOf(exported.blob)));
    expect(contents.records.annotations.some((a) => a.id === note.id)).toBe(false);
  });
});
