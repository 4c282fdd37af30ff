import { describe, expect, it } from 'vitest';
import { alertmanagerImporter } from './alertmanager';
import { expectImportError, fileInput, fixtureInput, readFixtureText, must } from './__fixtures__/read-fixture';

const parse = alertmanagerImporter.parse.bind(alertmanagerImporter);
const at = (iso: string) => Date.parse(iso);

describe('alertmanager webhooks', () => {
  it('turns each firing alert into an alert event at startsAt, ignoring the zero endsAt', async () => {
    const result = await parse(await fixtureInput('alertmanager-firing.json'), {});
    expect(result.events.map((event) => [event.dedupeKey, event.at, event.originalTime])).toEqual([
      ['alertmanager:9f0c1d2e3a4b5c6d:firing:2025-03-09T06:44:31.512Z', at('2025-03-09T06:44:31.512Z'), '2025-03-09T06:44:31.512Z'],
      ['alertmanager:0a1b2c3d4e5f6071:firing:2025-03-09T06:46:00Z', at('2025-03-09T06:46:00Z'), '2025-03-09T06:46:00Z'],
    ]);
    const [first, second] = result.events;
    expect(must(first).text).toBe('FIRING: SearchLatencyHigh — search-api p99 latency > 2s\nservice=search-api, severity=page');
    expect(must(first).channel).toBe('search-oncall');
    expect(must(first).links.map((link) => link.label)).toEqual(['Source', 'Runbook']);
    // A javascript: generator URL never becomes a link.
    expect(must(second).links).toEqual([]);
    expect(must(second).text).toContain('5xx ratio above 1%');
  });

  it('reads NDJSON, collapses repeated notifications and places resolutions at endsAt', async () => {
    const result = await parse(await fixtureInput('alertmanager-stream.ndjson'), {});
    expect(result.events.map((event) => [event.text.split('\n')[0], event.at])).toEqual([
      ['FIRING: SearchLatencyHigh — search-api p99 latency > 2s', at('2025-03-09T06:44:31.512Z')],
      ['RESOLVED: SearchLatencyHigh — search-api p99 latency > 2s', at('2025-03-09T07:39:02Z')],
    ]);
    expect(result.skipped).toEqual([{ reason: 'duplicate record', count: 1 }]);
  });

  it('reads a JSON array of webhook bodies', async () => {
    const lines = (await readFixtureText('alertmanager-stream.ndjson')).split('\n').filter((line) => line.trim());
    const result = await parse(fileInput('alerts.json', `[${lines.join(',')}]`), {});
    expect(result.events).toHaveLength(2);
  });

  it('names the physical line of a broken NDJSON record', async () => {
    const text = (await readFixtureText('alertmanager-stream.ndjson')).replace('"status":"resolved","receiver"', '"status":"resolved",,"receiver"');
    const error = await expectImportError(parse(fileInput('alerts.ndjson', text), {}));
    expect(error).toMatchObject({ code: 'INVALID_JSON', location: { file: 'alerts.ndjson', line: 4 } });
  });

  it('names the line of a typo in a pretty-printed body instead of guessing NDJSON', async () => {
    const text = (await readFixtureText('alertmanager-firing.json')).replace('"receiver": "search-oncall",', '"receiver": "search-oncall"');
    const error = await expectImportError(parse(fileInput('alert.json', text), {}));
    expect(error).toMatchObject({ code: 'INVALID_JSON', location: { line: 7 } });
  });

  it('rejects a resolved alert without an end time', async () => {
    const doc = JSON.parse(await readFixtureText('alertmanager-firing.json'));
    doc.alerts[1].status = 'resolved';
    const error = await expectImportError(parse(fileInput('alert.json', JSON.stringify(doc)), {}));
    expect(error).toMatchObject({ code: 'BAD_DATE', location: { field: 'alerts[1].endsAt' } });
  });

  it('falls back to a label hash when the fingerprint is missing, stable across key order', async () => {
    const doc = JSON.parse(await readFixtureText('alertmanager-firing.json'));
    delete doc.alerts[0].fingerprint;
    const once = await parse(fileInput('a.json', JSON.stringify(doc)), {});
    doc.alerts[0].labels = Object.fromEntries(Object.entries(doc.alerts[0].labels).reverse());
    const twice = await parse(fileInput('a.json', JSON.stringify(doc)), {});
    expect(must(once.events[0]).dedupeKey).toMatch(/^alertmanager:[0-9a-f]{16}:firing:/);
    expect(must(twice.events[0]).dedupeKey).toBe(must(once.events[0]).dedupeKey);
  });

  it('names the field of a malformed alert and rejects empty input', async () => {
    const doc = JSON.parse(await readFixtureText('alertmanager-firing.json'));
    doc.alerts[1].labels = { alertname: 7 };
    const error = await expectImportError(parse(fileInput('a.json', JSON.stringify(doc)), {}));
    expect(error).toMatchObject({ code: 'WRONG_SHAPE', location: { field: 'alerts[1].labels.alertname' } });
    expect((await expectImportError(parse(fileInput('a.json', '  '), {}))).code).toBe('EMPTY');
    expect((await expectImportError(parse(fileInput('a.json', '{"alerts":[]}'), {}))).code).toBe('EMPTY');
  });

  it('detects webhook bodies by content', async () => {
    expect(await alertmanagerImporter.detect(await fixtureInput('alertmanager-firing.json'))).toBeGreaterThan(0.9);
    expect(await alertmanagerImporter.detect(await fixtureInput('alertmanager-stream.ndjson'))).toBeGreaterThan(0.9);
    expect(await alertmanagerImporter.detect(await fixtureInput('statuspage-incidents.json'))).toBe(0);
  });
});
