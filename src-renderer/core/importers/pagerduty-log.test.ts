import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, folderInput, readFixtureText, must } from './__fixtures__/read-fixture';
import { pagerdutyLogImporter } from './pagerduty-log';

const parse = pagerdutyLogImporter.parse.bind(pagerdutyLogImporter);
const at = (iso: string) => Date.parse(iso);

async function logEntriesWith(change: (entries: Record<string, unknown>[]) => void): Promise<string> {
  const doc = JSON.parse(await readFixtureText('pagerduty-log-entries.json')) as { log_entries: Record<string, unknown>[] };
  change(doc.log_entries);
  return JSON.stringify(doc, null, 2);
}

describe('pagerduty log entries', () => {
  it('turns a log_entries response into page, note and system events in time order', async () => {
    const result = await parse(await fixtureInput('pagerduty-log-entries.json'), {});
    expect(result.format).toBe('pagerduty');
    expect(result.events.map((event) => [event.dedupeKey, event.kind, event.at])).toEqual([
      ['pagerduty:RLOG0001', 'page', at('2025-03-09T06:45:00Z')],
      ['pagerduty:RLOG0002', 'page', at('2025-03-09T06:45:03Z')],
      ['pagerduty:RLOG0003', 'page', at('2025-03-09T06:47:12Z')],
      ['pagerduty:RLOG0004', 'page', at('2025-03-09T06:55:00Z')],
      ['pagerduty:RLOG0005', 'note', at('2025-03-09T06:58:30Z')],
      ['pagerduty:RLOG0006', 'system', at('2025-03-09T07:20:00Z')],
      ['pagerduty:RLOG0007', 'page', at('2025-03-09T07:41:10Z')],
    ]);
  });

  it('keeps the original time, the raw record, the agent and plain text', async () => {
    const result = await parse(await fixtureInput('pagerduty-log-entries.json'), {});
    const trigger = must(result.events[0]);
    expect(trigger.originalTime).toBe('2025-03-09T01:45:00-05:00');
    expect(trigger.text).toBe('Triggered through the API: search-api p99 latency > 2s');
    expect(trigger.actorExternalId).toBe('PPROM01');
    expect(trigger.links).toEqual([{ url: 'https://example.pagerduty.com/incidents/PINC731/log_entries/RLOG0001', label: 'PagerDuty' }]);
    expect((trigger.raw as { id: string }).id).toBe('RLOG0001');
    const note = must(result.events.find((event) => event.kind === 'note'));
    expect(note.text).toBe('Shard 4 replica lag at 90s; failing over');
    expect(result.actors.find((actor) => actor.externalId === 'PPROM01')).toMatchObject({ name: 'Prometheus', bot: true });
    expect(result.actors.find((actor) => actor.externalId === 'PDANA01')).toMatchObject({ name: 'Dana Ortiz', bot: false });
  });

  it('imports an unknown *_log_entry type as a system event with a warning', async () => {
    const result = await parse(await fixtureInput('pagerduty-log-entries.json'), {});
    expect(result.events.find((event) => event.dedupeKey === 'pagerduty:RLOG0006')?.text).toBe('Custom field region changed to us-east');
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'log entry type "custom_field_value_change_log_entry" is not known; imported as a system event',
    ]);
  });

  it('fails on a type outside PagerDuty naming with UNKNOWN_LOG_TYPE naming the entry index', async () => {
    const text = await logEntriesWith((entries) => {
      must(entries[2]).type = 'frobnicate';
    });
    const error = await expectImportError(parse(fileInput('log.json', text), {}));
    expect(error.code).toBe('UNKNOWN_LOG_TYPE');
    expect(error.location).toMatchObject({ file: 'log.json', field: 'log_entries[2].type' });
    expect(error.message).toContain('log entry 2');
  });

  it('accepts bare type names', async () => {
    const text = await logEntriesWith((entries) => {
      must(entries[0]).type = 'resolve';
    });
    const result = await parse(fileInput('log.json', text), {});
    expect(result.events.at(-1)?.kind).toBe('page');
  });

  it('names the field of a missing or unreadable timestamp', async () => {
    const missing = await logEntriesWith((entries) => {
      delete must(entries[1]).created_at;
    });
    const shape = await expectImportError(parse(fileInput('log.json', missing), {}));
    expect(shape.code).toBe('WRONG_SHAPE');
    expect(shape.location.field).toBe('log_entries[1].created_at');

    const bad = await logEntriesWith((entries) => {
      must(entries[4]).created_at = 'last Tuesday';
    });
    const date = await expectImportError(parse(fileInput('log.json', bad), {}));
    expect(date.code).toBe('BAD_DATE');
    expect(date.location.field).toBe('log_entries[4].created_at');
  });

  it('merges incident and notes given as extra files, dropping notes already logged as annotations', async () => {
    const input = folderInput('PINC731', {
      'incident.json': await readFixtureText('pagerduty-incident.json'),
      'log_entries.json': await readFixtureText('pagerduty-log-entries.json'),
      'notes.json': await readFixtureText('pagerduty-notes.json'),
    });
    const result = await parse(input, {});
    const notes = result.events.filter((event) => event.kind === 'note');
    expect(notes.map((note) => note.dedupeKey)).toEqual(['pagerduty:RLOG0005', 'pagerduty:note:PNOTE92']);
    expect(notes[1]).toMatchObject({ actorName: 'Fran Okafor', at: at('2025-03-09T07:05:00Z') });
    expect(result.skipped).toEqual([{ reason: 'note already in log entries', count: 1 }]);
    expect(must(result.events[0]).channel).toBe('#731 search-api p99 latency > 2s (search-api)');
    expect(must(result.events[1]).channel).toBe('#731 search-api p99 latency > 2s');
  });

  it('reads a combined file holding incident, log entries and notes', async () => {
    const combined = {
      incident: JSON.parse(await readFixtureText('pagerduty-incident.json')).incident,
      log_entries: JSON.parse(await readFixtureText('pagerduty-log-entries.json')).log_entries,
      notes: JSON.parse(await readFixtureText('pagerduty-notes.json')).notes,
    };
    const result = await parse(fileInput('incident-731.json', JSON.stringify(combined)), {});
    expect(result.events).toHaveLength(8);
  });

  it('gives the same dedupe keys on every import of the same data', async () => {
    const first = await parse(await fixtureInput('pagerduty-log-entries.json'), {});
    const second = await parse(await fixtureInput('pagerduty-log-entries.json'), {});
    expect(second.events.map((event) => event.dedupeKey)).toEqual(first.events.map((event) => event.dedupeKey));
  });

  it('rejects files without log entries and empty lists', async () => {
    expect((await expectImportError(parse(fileInput('x.json', '{"incidents":[]}'), {}))).code).toBe('WRONG_SHAPE');
    expect((await expectImportError(parse(fileInput('x.json', '{"log_entries":[]}'), {}))).code).toBe('EMPTY');
    expect((await expectImportError(parse(await fixtureInput('pagerduty-notes.json'), {}))).code).toBe('EMPTY');
  });

  it('stops with CANCELLED when the user aborts', async () => {
    const error = await expectImportError(parse(await fixtureInput('pagerduty-log-entries.json'), {}, { signal: { aborted: true } }));
    expect(error.code).toBe('CANCELLED');
  });

  it('detects log entries by content and previews the first events', async () => {
    expect(await pagerdutyLogImporter.detect(fileInput('export.txt', await readFixtureText('pagerduty-log-entries.json')))).toBeGreaterThan(0.9);
    expect(await pagerdutyLogImporter.detect(await fixtureInput('statuspage-incidents.json'))).toBe(0);
    expect(await pagerdutyLogImporter.detect(await fixtureInput('timeline-comma.csv'))).toBe(0);
    const preview = await pagerdutyLogImporter.preview(await fixtureInput('pagerduty-log-entries.json'), {});
    expect(preview.eventCount).toBe(7);
    expect(preview.sample[0]?.dedupeKey).toBe('pagerduty:RLOG0001');
  });
});
