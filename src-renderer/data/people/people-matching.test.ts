import { describe, expect, it } from 'vitest';
// First: it installs the in-memory IndexedDB the database code picks up when loaded.
import { createTestDatabases } from '@data/test-database';
import { FIXTURE_INCIDENTS, loadFixtureIncident } from '@core/milestones/__fixtures__/fixture-incidents';
import { writeImport } from '@data/events';
import { aliasId, listPeopleWithCounts, normaliseName, splitAlias } from '@db/people-store';

const freshDb = createTestDatabases('people-matching');

describe.each(FIXTURE_INCIDENTS)('people of the fixture incident %s', (name) => {
  it('are matched across Slack, PagerDuty and the CSV as its truth file says, each match explained', async () => {
    const database = await freshDb();
    const incident = await loadFixtureIncident(name);
    for (const [i, parse] of incident.parses.entries()) {
      await writeImport(database, { incidentId: name, fileName: `${parse.format}-${i}`, size: 1, sha256: `${name}-${i}`, format: parse.format }, parse);
    }
    const people = (await listPeopleWithCounts(database)).map((p) => p.person);
    for (const truth of incident.truth.people) {
      const person = people.find((p) => p.aliases.some((a) => truth.aliases.includes(aliasId(a))));
      expect(person?.aliases.map(aliasId).filter((id) => truth.aliases.includes(id)).sort(), truth.name).toEqual([...truth.aliases].sort());
      // Every alias but the first is explained.
      expect(person?.aliases.slice(1).every((a) => (a.matchedBy ?? '') !== ''), truth.name).toBe(true);
    }
    // Sorted by name whatever the case: "KIM"-style display names do not jump ahead.
    const names = people.map((p) => p.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
  });
});

describe('people matching', () => {
  it('treats handles like names: "kenji.sato" is "Kenji Sato", "María José Núñez" is "maria jose nunez"', () => {
    expect(normaliseName('kenji.sato')).toBe(normaliseName('Kenji Sato'));
    expect(normaliseName('lee_chen')).toBe(normaliseName('LEE CHEN'));
    expect(normaliseName('María José Núñez')).toBe('maria jose nunez');
  });

  it('explains a match, and splitting the alias out undoes it', async () => {
    const database = await freshDb();
    const incident = await loadFixtureIncident('inc-311-checkout');
    for (const [i, parse] of incident.parses.entries()) {
      await writeImport(database, { incidentId: 'i', fileName: `f${i}`, size: 1, sha256: `s${i}`, format: parse.format }, parse);
    }
    const people = (await listPeopleWithCounts(database)).map((p) => p.person);
    const kenji = people.find((p) => p.aliases.some((a) => aliasId(a) === 'pagerduty:PKENJI'));
    const pd = kenji?.aliases.find((a) => aliasId(a) === 'pagerduty:PKENJI');
    expect(pd?.matchedBy).toBe('“Kenji Sato” matches “kenji.sato” (ignoring case, accents, dots and underscores)');
    await splitAlias(database, kenji?.id ?? '', 'pagerduty:PKENJI');
    const after = (await listPeopleWithCounts(database)).map((p) => p.person);
    expect(after.find((p) => p.aliases.some((a) => aliasId(a) === 'slack-export:U03KENJI'))?.aliases.map(aliasId)).toEqual(['slack-export:U03KENJI']);
  });
});
