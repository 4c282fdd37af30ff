import { describe, expect, it } from 'vitest';
import { buildZip } from './__fixtures__/build-zip';
import { expectImportError, fileInput, fixtureInput } from './__fixtures__/read-fixture';
import { SOURCE_FORMATS } from '../model/source';
import { detectFormat, getImporter, IMPORTERS } from './registry';

describe('registry', () => {
  it('picks the right importer for each fixture from content alone', async () => {
    const cases: [string, string][] = [
      ['pagerduty-log-entries.json', 'pagerduty'],
      ['statuspage-incidents.json', 'statuspage'],
      ['alertmanager-firing.json', 'alertmanager'],
      ['alertmanager-stream.ndjson', 'alertmanager'],
      ['timeline-comma.csv', 'csv-timeline'],
      ['timeline-semicolon.csv', 'csv-timeline'],
    ];
    for (const [name, format] of cases) {
      const input = await fixtureInput(name);
      // The file name is deliberately misleading: detection must look at the bytes.
      const renamed = input.kind === 'file' ? fileInput('export.zip', await input.source.read(0, input.source.size)) : input;
      const match = await detectFormat(renamed);
      expect(match.importer.id, name).toBe(format);
      expect(match.scores[0]?.id).toBe(format);
    }
  });

  it('routes a Slack export ZIP to the Slack importer', async () => {
    const zip = buildZip({
      'users.json': JSON.stringify([{ id: 'U0DANA', name: 'dana' }]),
      'channels.json': JSON.stringify([{ id: 'C0INC', name: 'inc-731', members: ['U0DANA'] }]),
      'inc-731/2025-03-09.json': JSON.stringify([{ type: 'message', user: 'U0DANA', text: 'failing over', ts: '1741503480.000100' }]),
    });
    const match = await detectFormat(fileInput('export.zip', zip));
    expect(match.importer.id).toBe('slack-export');
  });

  it('says UNKNOWN_FORMAT for inputs no importer recognises', async () => {
    for (const input of [fileInput('notes.txt', 'just prose, no timeline here'), fileInput('x.json', '{"hello":"world"}'), fileInput('a.zip', buildZip({ 'readme.txt': 'hi' }))]) {
      const error = await expectImportError(detectFormat(input));
      expect(error.code).toBe('UNKNOWN_FORMAT');
    }
  });

  it('has one importer per importable format, found by id', () => {
    const ids = IMPORTERS.map((importer) => importer.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(SOURCE_FORMATS.filter((format) => format !== 'manual').sort());
    expect(getImporter('statuspage').label).toBe('Statuspage incidents');
  });

  it('rejects a format without an importer', async () => {
    expect(() => getImporter('manual')).toThrow(/no importer/);
  });
});
