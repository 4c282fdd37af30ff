import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseSyncDocName, syncDocName, type SyncDocRef } from './doc-names.ts';

const incidentId = '3f2b8c1e-9a4d-4b7e-8f00-5d2a1c9e7b61';

describe('sync document names', () => {
  test('every kind of document has one name under its team', () => {
    const refs: SyncDocRef[] = [
      { kind: 'team', team: 'acme' },
      { kind: 'incident', team: 'acme', incidentId },
      { kind: 'events', team: 'acme', incidentId },
      { kind: 'meeting', team: 'acme', incidentId },
      { kind: 'annotations', team: 'acme', incidentId },
      { kind: 'document', team: 'acme', incidentId, documentId: 'pm-1' },
    ];
    expect(refs.map(syncDocName)).toEqual([
      'acme/team',
      `acme/incident/${incidentId}`,
      `acme/incident/${incidentId}/events`,
      `acme/incident/${incidentId}/meeting`,
      `acme/incident/${incidentId}/annotations`,
      `acme/incident/${incidentId}/doc/pm-1`,
    ]);
    for (const ref of refs) expect(parseSyncDocName(syncDocName(ref))).toEqual(ref);
  });

  test('names outside the scheme are refused', () => {
    for (const name of ['', 'acme', 'Acme/team', 'acme/incident', 'acme/incident/a/b', 'acme/incident/../x', 'acme/incident/x/doc', 'acme/incident/x/doc/a/b', 'acme/incident/x/files/y', 'acme/incident/x/annotation/y', '-acme/team', 'acme/incident/x y']) {
      expect(parseSyncDocName(name), name).toBeNull();
    }
    expect(() => syncDocName({ kind: 'incident', team: 'acme', incidentId: '../x' })).toThrow(/incidentId/);
    expect(() => syncDocName({ kind: 'team', team: 'ACME' })).toThrow(/team/);
  });

  test('any well-formed ids round-trip, and the parsed team is always the first segment', () => {
    const team = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,62}$/);
    const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
    fc.assert(
      fc.property(team, id, id, (t, incident, doc) => {
        const ref: SyncDocRef = { kind: 'document', team: t, incidentId: incident, documentId: doc };
        expect(parseSyncDocName(syncDocName(ref))).toEqual(ref);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (name) => {
        const parsed = parseSyncDocName(name);
        if (parsed) expect(name.split('/')[0]).toBe(parsed.team);
      }),
    );
  });
});
