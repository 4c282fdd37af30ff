// Generates library-v2.backup.json with the version-2 code (schema v2: one `events` record per
// event). Run once, with that code checked out, by `npx vitest run src-renderer/db/__fixtures__/generate-library-v2.test.ts`.
// The upgrade test (db/upgrade.test.ts) and the backup test load the file it writes.
import '@features/backup/test-browser-globals';
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { exportDB } from 'dexie-export-import';
import { db, openDatabase } from '@db/database';
import { writeImport } from '@db/import-store';
import { loadVisibleEvents } from '@db/visible-events';
import { listPeopleWithCounts, mergePeople, renamePerson, splitAlias } from '@db/people-store';
import { writeSetting } from '@db/settings-store';
import { getImporter } from '@core/importers/registry';
import { fileInput, folderInput } from '@core/importers/__fixtures__/read-fixture';
import { generateSlackExport } from '@core/importers/slack/__fixtures__/build-export';
import { readFileSync } from 'node:fs';
import { contentHash } from './content-hash';
import { createIncident, softDeleteIncident } from '@features/library/incident-writes';
import { addCanReport, addManualEvent, addRedaction, setEventRedacted, setPinned } from '@features/timeline/event-writes';
import { addMilestone } from '@features/timeline/milestone-writes';
import { createAnnotation } from '@features/review/annotation-writes';
import { writeCurrentDocument, saveVersion } from '@features/postmortem/document-store';
import { createActionItem } from '@features/action-items/item-writes';
import type { IncidentDraft } from '@core/model/incident';
import type { SourceFormat } from '@core/model/source';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const e2e = (name: string) => readFileSync(fileURLToPath(new URL(`../../../e2e/fixtures/${name}`, import.meta.url)));

const draft = (title: string, extra: Partial<IncidentDraft> = {}): IncidentDraft => ({
  title,
  severity: 'SEV2',
  status: 'in-review',
  startedAt: Date.UTC(2024, 5, 12, 21, 0),
  detectedAt: Date.UTC(2024, 5, 12, 21, 5),
  resolvedAt: Date.UTC(2024, 5, 13, 2, 0),
  reviewAt: null,
  timeZone: 'America/Los_Angeles',
  services: ['checkout'],
  commander: 'Priya Raman',
  roles: [{ role: 'Scribe', name: 'Sam Lee' }],
  summary: 'Checkout failed for card payments.',
  ...extra,
});

async function importFile(incidentId: string, format: SourceFormat, name: string, input: Parameters<ReturnType<typeof getImporter>['parse']>[0], sha256: string) {
  const result = await getImporter(format).parse(input, {});
  return writeImport(db, { incidentId, fileName: name, size: 1000, sha256, format }, result, { chunkSize: 700 });
}

it('writes the v2 library fixture', async () => {
  await openDatabase(db);
  const a = await createIncident(draft('Checkout outage'));
  const b = await createIncident(draft('Search latency', { severity: 'SEV3', timeZone: 'Europe/Berlin' }));
  const c = await createIncident(draft('Deleted drill'));

  // Imports: a generated Slack export (threads, reactions, edits, bots), the e2e Slack export,
  // a PagerDuty log and a CSV, then an overlapping re-import that only adds duplicates.
  const generated = Object.fromEntries(generateSlackExport({ channels: 3, messages: 1200, days: 2, seed: 7 }));
  const slack = await importFile(a.id, 'slack-export', 'generated-export.zip', folderInput('generated-export', generated), 'sha-generated');
  const e2eSlack: Record<string, Uint8Array> = {};
  for (const path of ['channels.json', 'users.json', 'groups.json', 'dms.json', 'mpims.json']) e2eSlack[path] = e2e(`import/slack-export/${path}`);
  const { readdirSync } = await import('node:fs');
  for (const day of readdirSync(fileURLToPath(new URL('../../../e2e/fixtures/import/slack-export/incident-checkout', import.meta.url)))) {
    e2eSlack[`incident-checkout/${day}`] = e2e(`import/slack-export/incident-checkout/${day}`);
  }
  await importFile(a.id, 'slack-export', 'slack-export', folderInput('slack-export', e2eSlack), 'sha-e2e-slack');
  await importFile(a.id, 'pagerduty', 'pagerduty-log.json', fileInput('pagerduty-log.json', e2e('import/pagerduty-log.json')), 'sha-pd');
  await importFile(a.id, 'csv-timeline', 'timeline.csv', fileInput('timeline.csv', e2e('import/timeline.csv')), 'sha-csv');
  await importFile(a.id, 'statuspage', 'statuspage.json', fileInput('statuspage.json', e2e('import/statuspage.json')), 'sha-sp');
  await importFile(a.id, 'slack-export', 'generated-export-again.zip', folderInput('generated-export', generated), 'sha-generated');
  await importFile(b.id, 'pagerduty', 'pagerduty-log.json', fileInput('pagerduty-log.json', e2e('timeline/pagerduty-log.json')), 'sha-pd-b');
  await importFile(c.id, 'csv-timeline', 'timeline.csv', fileInput('timeline.csv', e2e('import/timeline.csv')), 'sha-csv-c');

  // Manual events, a CAN report, key moments and redactions (imported and manual).
  const events = await loadVisibleEvents(db, a.id);
  const manual = await addManualEvent(a.id, { at: Date.UTC(2024, 5, 12, 21, 30), typed: '2024-06-12 14:30 PDT', actorName: 'Priya Raman', text: 'Called the payments vendor: Élodie confirmed the outage' }, true);
  await addCanReport(a.id, { at: Date.UTC(2024, 5, 12, 22, 0), typed: '2024-06-12 15:00 PDT', actorName: 'Priya Raman' }, { conditions: 'Card payments fail', actions: 'Rolled back', needs: 'Vendor ETA' });
  await addManualEvent(b.id, { at: Date.UTC(2024, 5, 12, 21, 0), typed: '21:00', actorName: 'Dana', text: 'Noticed slow search' });
  const pick = (i: number) => events[Math.floor((i * events.length) / 7)];
  for (const i of [1, 3, 5]) await setPinned(pick(i)?.id ?? '', true);
  await setEventRedacted(pick(2)?.id ?? '', true);
  const spanned = pick(4);
  if (spanned) await addRedaction(spanned.id, { start: 0, end: Math.min(6, spanned.text.length) });
  await addRedaction(manual.id, { start: 0, end: 6 });

  // People: a rename, a merge and a split, so aliases and event actors moved.
  const people = (await listPeopleWithCounts(db)).map((p) => p.person);
  const [p1, p2, p3] = people;
  if (p1 && p2 && p3) {
    await renamePerson(db, p1.id, `${p1.displayName} (renamed)`);
    await mergePeople(db, p2.id, [p3.id]);
    const merged = (await db.people.get(p2.id))!;
    await splitAlias(db, merged.id, `${merged.aliases[1]!.sourceFormat}:${merged.aliases[1]!.externalId}`);
  }

  // Review records pointing at events.
  await addMilestone(a.id, { kind: 'Detect', label: '', at: pick(1)?.at ?? 0, eventId: pick(1)?.id ?? null, note: 'first alert' });
  await addMilestone(a.id, { kind: 'All Clear', label: '', at: Date.UTC(2024, 5, 13, 1, 0), eventId: null, note: '' });
  await createAnnotation({ incidentId: a.id, target: { type: 'event', eventId: pick(3)?.id ?? '' }, author: 'Sam Lee', tags: ['went-well'], body: '{"root":{}}', plainText: 'Quick rollback' });
  await createAnnotation({ incidentId: a.id, target: { type: 'range', from: Date.UTC(2024, 5, 12, 21), to: Date.UTC(2024, 5, 12, 22) }, author: 'Sam Lee', plainText: 'Slow paging' });
  await createAnnotation({ incidentId: a.id, target: { type: 'incident' }, author: 'Priya Raman', plainText: 'Overall' });
  const doc = await writeCurrentDocument(a.id, { templateId: 'default', body: `# Review\n\nSee [event](#/incidents/${a.id}/timeline?event=${pick(5)?.id})`, sections: [] }, Date.UTC(2024, 5, 20));
  await saveVersion(doc, 'Draft 1', Date.UTC(2024, 5, 21));
  await createActionItem({ incidentId: a.id, title: 'Add a circuit breaker', eventIds: [pick(3)?.id ?? ''], priority: 'P1' }, { now: Date.UTC(2024, 5, 20), timeZone: 'UTC' });
  await createActionItem({ incidentId: b.id, title: 'Tune search cache', ownerName: 'Dana' }, { now: Date.UTC(2024, 5, 20), timeZone: 'UTC' });
  await writeSetting(db, `timeline-filter:${a.id}`, { sources: [slack.source.id], channels: [], actors: [], kinds: [], from: null, to: null, pinnedOnly: false, query: 'rollback' });
  await writeSetting(db, 'review-author', 'Sam Lee');

  // An import a crash interrupted (staging source with part of its events) and a deleted incident.
  const staging = await db.sources.get(slack.source.id);
  await db.sources.add({ ...staging!, id: 'crashed-import', state: 'staging', sha256: 'sha-crashed', fileName: 'crashed.zip' });
  await db.events.bulkAdd(events.slice(0, 50).map((e, i) => ({ ...e, id: `crashed-${i}`, sourceId: 'crashed-import', dedupeKey: `slack-export:crashed-${i}` })));
  await softDeleteIncident(c.id);

  // What the v2 code shows, for the upgrade and restore tests to compare against.
  const expected: Record<string, unknown> = { tables: {}, incidents: {} };
  for (const table of [db.incidents, db.people, db.milestones, db.annotations, db.documents, db.actionItems, db.settings]) {
    const rows = await table.toArray();
    (expected.tables as Record<string, unknown>)[table.name] = { count: rows.length, hash: contentHash(rows as { id?: string; key?: string }[], (r) => String(r.id ?? r.key)) };
  }
  const committed = (await db.sources.toArray()).filter((s) => s.state === 'committed');
  expected.committedSources = { count: committed.length, hash: contentHash(committed, (s) => s.id) };
  for (const incident of await db.incidents.toArray()) {
    const visible = await loadVisibleEvents(db, incident.id);
    (expected.incidents as Record<string, unknown>)[incident.id] = {
      count: visible.length,
      hash: contentHash(visible, (e) => e.id),
      order: contentHash(visible.map((e, i) => ({ i: String(i).padStart(8, '0'), id: e.id })), (x) => x.i),
    };
  }
  const counts = (await listPeopleWithCounts(db)).map(({ person, events }) => ({ id: person.id, events }));
  expected.peopleCounts = { count: counts.length, hash: contentHash(counts, (c) => c.id) };
  writeFileSync(here('library-v2.expected.json'), `${JSON.stringify(expected, null, 2)}\n`);

  const blob = await exportDB(db, { prettyJson: false });
  writeFileSync(here('library-v2.backup.json'), Buffer.from(await blob.arrayBuffer()));
}, 120_000);
