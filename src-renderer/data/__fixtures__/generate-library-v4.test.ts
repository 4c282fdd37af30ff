// Writes db/__fixtures__/library-v4.backup.json (a backup of a library the version-4 code built,
// every kind of record) and library-v4.expected.json (its per-table counts and content hashes).
// Run once, with the version-4 code checked out:
//   WRITE_LIBRARY_FIXTURE=1 npx vitest run src-renderer/data/__fixtures__/generate-library-v4.test.ts
// The upgrade test (data/upgrade.test.ts) loads what it wrote; normal test runs skip this file.
import '@db/__fixtures__/test-browser-globals';
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { fileInput, folderInput, must } from '@core/importers/__fixtures__/read-fixture';
import { generateSlackExport } from '@core/importers/slack/__fixtures__/build-export';
import { getImporter } from '@core/importers/registry';
import { SLA_PRESETS } from '@core/action-items/sla-policy';
import { emptyCatalog } from '@core/model/catalog';
import type { IncidentDraft } from '@core/model/incident';
import type { SourceFormat } from '@core/model/source';
import { listPeopleWithCounts } from '@db/people-store';
import { createActionItem, writeSlaPolicy } from '../action-items';
import { createAnnotation } from '../annotations';
import { createBackup } from '../backup';
import { db } from '../connection';
import { saveVersion, writeCurrentDocument } from '../documents';
import { addCanReport, addManualEvent, addRedaction, loadVisibleEvents, setEventRedacted, setPinned, writeImport } from '../events';
import { createIncident, softDeleteIncident } from '../incidents';
import { saveCatalog } from '../insights';
import { openLibrary } from '../library';
import { addMilestone } from '../milestones';
import { mergePeople, renamePerson } from '../people';
import { writeSetting } from '../settings';
import { libraryTableHashes, visibleEventHashes } from './library-hashes';

const here = (name: string) => fileURLToPath(new URL(`../../db/__fixtures__/${name}`, import.meta.url));
const e2e = (name: string) => readFileSync(fileURLToPath(new URL(`../../../e2e/fixtures/${name}`, import.meta.url)));

const draft = (title: string, extra: Partial<IncidentDraft> = {}): IncidentDraft => ({
  title,
  severity: 'SEV2',
  status: 'in-review',
  startedAt: Date.UTC(2024, 5, 12, 21, 0),
  detectedAt: Date.UTC(2024, 5, 12, 21, 5),
  resolvedAt: Date.UTC(2024, 5, 13, 2, 0),
  reviewAt: Date.UTC(2024, 5, 18, 16, 0),
  timeZone: 'America/Los_Angeles',
  services: ['checkout'],
  commander: 'Priya Raman',
  roles: [{ role: 'Scribe', name: 'Sam Lee' }],
  summary: 'Checkout failed for card payments.',
  ...extra,
});

async function importFile(incidentId: string, format: SourceFormat, name: string, input: Parameters<ReturnType<typeof getImporter>['parse']>[0], sha256: string) {
  const result = await getImporter(format).parse(input, {});
  return writeImport(db, { incidentId, fileName: name, size: 1000, sha256, format }, result, { blockSize: 100 });
}

it.runIf(process.env.WRITE_LIBRARY_FIXTURE === '1')('writes the v4 library fixture', async () => {
  await openLibrary();
  const a = await createIncident(draft('Checkout outage'));
  const b = await createIncident(draft('Search latency', { severity: 'SEV3', timeZone: 'Europe/Berlin', reviewAt: null }));
  const c = await createIncident(draft('Deleted drill'));

  // Imports in blocks of 100: a generated Slack export (threads, reactions, edits, bots), a
  // PagerDuty log, a CSV and a Statuspage file; a re-import that only adds duplicates.
  const generated = Object.fromEntries(generateSlackExport({ channels: 3, messages: 450, days: 2, seed: 11 }));
  const slack = await importFile(a.id, 'slack-export', 'generated-export.zip', folderInput('generated-export', generated), 'sha-generated');
  await importFile(a.id, 'pagerduty', 'pagerduty-log.json', fileInput('pagerduty-log.json', e2e('import/pagerduty-log.json')), 'sha-pd');
  await importFile(a.id, 'csv-timeline', 'timeline.csv', fileInput('timeline.csv', e2e('import/timeline.csv')), 'sha-csv');
  await importFile(a.id, 'statuspage', 'statuspage.json', fileInput('statuspage.json', e2e('import/statuspage.json')), 'sha-sp');
  await importFile(a.id, 'slack-export', 'generated-export-again.zip', folderInput('generated-export', generated), 'sha-generated-again');
  await importFile(b.id, 'pagerduty', 'pagerduty-log.json', fileInput('pagerduty-log.json', e2e('timeline/pagerduty-log.json')), 'sha-pd-b');

  // Typed-in events, a CAN report, key moments and redactions (of imported and typed-in events).
  const events = await loadVisibleEvents(db, a.id);
  const pick = (i: number) => must(events[Math.floor((i * events.length) / 7)], 'an event');
  const manual = await addManualEvent(db, a.id, { at: Date.UTC(2024, 5, 12, 21, 30), typed: '2024-06-12 14:30 PDT', actorName: 'Priya Raman', text: 'Called the payments vendor: Élodie confirmed the outage' }, true);
  await addCanReport(db, a.id, { at: Date.UTC(2024, 5, 12, 22, 0), typed: '2024-06-12 15:00 PDT', actorName: 'Priya Raman' }, { conditions: 'Card payments fail', actions: 'Rolled back', needs: 'Vendor ETA' });
  await addManualEvent(db, b.id, { at: Date.UTC(2024, 5, 12, 21, 0), typed: '21:00', actorName: 'Dana', text: 'Noticed slow search' });
  for (const i of [1, 3, 5]) await setPinned(db, pick(i), true);
  await setEventRedacted(db, pick(2), true);
  await addRedaction(db, pick(4), { start: 0, end: Math.min(6, pick(4).text.length) });
  await addRedaction(db, manual, { start: 0, end: 6 });

  // People: a rename and a merge, so aliases and event actors moved.
  const people = (await listPeopleWithCounts(db)).map((p) => p.person);
  const [first, second, third] = people.map((p) => must(p, 'a person'));
  await renamePerson(db, must(first).id, `${must(first).displayName} (renamed)`);
  await mergePeople(db, must(second).id, [must(third).id]);

  // Review records pointing at events; the catalog; the postmortem and a saved version.
  await addMilestone(a.id, { kind: 'Detect', label: '', at: pick(1).at, eventId: pick(1).id, note: 'first alert' });
  await addMilestone(a.id, { kind: 'All Clear', label: '', at: Date.UTC(2024, 5, 13, 1, 0), eventId: null, note: '' });
  await addMilestone(a.id, { kind: 'Custom', label: 'Customers affected', at: Date.UTC(2024, 5, 12, 21, 2), eventId: null, note: '', impact: 'start' });
  await createAnnotation({ incidentId: a.id, target: { type: 'event', eventId: pick(3).id }, author: 'Sam Lee', tags: ['went well', 'follow-up'], body: '{"root":{}}', plainText: 'Quick rollback' });
  await createAnnotation({ incidentId: a.id, target: { type: 'range', from: Date.UTC(2024, 5, 12, 21), to: Date.UTC(2024, 5, 12, 22) }, author: 'Sam Lee', plainText: 'Slow paging' });
  await createAnnotation({ incidentId: a.id, target: { type: 'incident' }, author: 'Priya Raman', plainText: 'Overall' });
  await saveCatalog(a.id, { ...emptyCatalog(), failureDomains: ['data layer'], trigger: 'deploy', resolution: 'rollback', lessons: { wentWell: ['Quick rollback'], wentPoorly: [], lucky: [] } });
  const doc = await writeCurrentDocument(a.id, { templateId: 'default', body: `# Review\n\nSee [event](#/incidents/${a.id}/timeline?event=${pick(5).id})`, sections: [] }, Date.UTC(2024, 5, 20));
  await saveVersion(doc, 'Draft 1', Date.UTC(2024, 5, 21));

  // Action items (one following the SLA, one with a date set by hand), the policy, settings.
  await writeSlaPolicy(SLA_PRESETS.atlassian);
  await createActionItem({ incidentId: a.id, title: 'Add a circuit breaker', eventIds: [pick(3).id], priority: 'P1' }, { now: Date.UTC(2024, 5, 20), timeZone: 'UTC' });
  await createActionItem({ incidentId: b.id, title: 'Tune search cache', ownerName: 'Dana', dueAt: Date.UTC(2024, 7, 1) }, { now: Date.UTC(2024, 5, 20), timeZone: 'UTC' });
  await writeSetting(`timeline-filter:${a.id}`, { sources: [must(slack.source, 'the Slack import').id], channels: [], actors: [], kinds: [], from: null, to: null, pinnedOnly: false, query: 'rollback' });
  await writeSetting('review-author', 'Sam Lee');
  await softDeleteIncident(c.id);

  writeFileSync(here('library-v4.expected.json'), `${JSON.stringify({ tables: await libraryTableHashes(db), events: await visibleEventHashes(db) }, null, 2)}\n`);
  const blob = await createBackup(db);
  writeFileSync(here('library-v4.backup.json'), Buffer.from(await blob.arrayBuffer()));
}, 120_000);
