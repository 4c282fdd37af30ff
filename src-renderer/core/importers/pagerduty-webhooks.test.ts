import { describe, expect, it } from 'vitest';
import { fileInput, fixtureInput, folderInput, readFixture, readFixtureText, must } from './__fixtures__/read-fixture';
import { isPagerDutyRecordPart, pagerdutyLogImporter } from './pagerduty-log';
import { detectFormat } from './registry';

const parse = pagerdutyLogImporter.parse.bind(pagerdutyLogImporter);
const at = (iso: string) => Date.parse(iso);

describe('pagerduty nullable fields', () => {
  it('accepts null summary, html_url, self and reference fields the API documents as nullable', async () => {
    const doc = JSON.parse(await readFixtureText('pagerduty-log-entries.json')) as { log_entries: Record<string, unknown>[] };
    for (const entry of doc.log_entries) {
      if (entry.type !== 'trigger_log_entry') {
        entry.summary = null;
        entry.html_url = null;
        entry.self = null;
      }
      entry.agent = { id: entry.id === 'RLOG0003' ? 'PDANA01' : null, type: 'user_reference', summary: null, html_url: null };
      entry.service = null;
      entry.incident = { id: 'PINC731', summary: null };
    }
    const result = await parse(fileInput('log.json', JSON.stringify(doc)), {});
    expect(result.events).toHaveLength(7);
    const ack = must(result.events.find((event) => event.dedupeKey === 'pagerduty:RLOG0003'));
    // With no summary the entry type still says what happened.
    expect(ack.text).toBe('acknowledge_log_entry');
    expect(ack.links).toEqual([]);
    expect(result.actors.find((actor) => actor.externalId === 'PDANA01')?.name).toBe('PDANA01');
  });
});

describe('pagerduty webhooks', () => {
  it('reads v1 webhook messages as page events with the incident subject', async () => {
    const result = await parse(await fixtureInput('pagerduty-webhook-v1.json'), {});
    expect(result.events.map((event) => [event.dedupeKey, event.kind, event.at, event.text])).toEqual([
      ['pagerduty:webhook:bb8b8fe0-e8d5-11e2-9c1e-22000afd16cf', 'page', at('2025-03-09T06:45:00Z'), 'Triggered: #731 search-api p99 latency > 2s'],
      ['pagerduty:webhook:c4a2e1f0-e8d5-11e2-9c1e-22000afd16cf', 'page', at('2025-03-09T06:47:12Z'), 'Acknowledged: #731 search-api p99 latency > 2s'],
    ]);
    expect(must(result.events[1]).actorName).toBe('Dana Ortiz');
  });

  it('imports the log entries a v2 message carries under their log entry ids', async () => {
    const result = await parse(await fixtureInput('pagerduty-webhook-v2.json'), {});
    expect(result.events.map((event) => [event.dedupeKey, event.kind, event.text])).toEqual([
      ['pagerduty:webhook:4b4c7f20-a2cd-11e7-9a5d-22000a121a10', 'note', 'Note added: #731 search-api p99 latency > 2s'],
      ['pagerduty:RLOG0007', 'page', 'Resolved by Dana Ortiz'],
    ]);
  });

  it('reads v3 events saved one per line, with notes, priority and status updates, and skips non-incident events', async () => {
    const result = await parse(await fixtureInput('pagerduty-webhooks-v3.ndjson'), {});
    expect(result.events.map((event) => [event.kind, event.text])).toEqual([
      ['page', 'Triggered: #731 search-api p99 latency > 2s'],
      ['page', 'Acknowledged: #731 search-api p99 latency > 2s'],
      ['note', 'Shard 4 replica lag at 90s; failing over'],
      ['system', 'Priority changed: P1 (#731 search-api p99 latency > 2s)'],
      ['status-update', 'Status update published: Failover complete; latency recovering'],
      ['page', 'Resolved: #731 search-api p99 latency > 2s'],
    ]);
    expect(result.skipped).toEqual([{ reason: 'webhook not about an incident', count: 1 }]);
    expect(must(result.events[1]).actorExternalId).toBe('PDANA01');
  });

  it('reads a JSON list of v3 payloads the same as one per line', async () => {
    const lines = (await readFixtureText('pagerduty-webhooks-v3.ndjson')).trim().split('\n');
    const asList = await parse(fileInput('hooks.json', `[${lines.join(',')}]`), {});
    const asLines = await parse(await fixtureInput('pagerduty-webhooks-v3.ndjson'), {});
    expect(asList.events.map((event) => event.dedupeKey)).toEqual(asLines.events.map((event) => event.dedupeKey));
  });

  it('detects every webhook version as PagerDuty', async () => {
    for (const name of ['pagerduty-webhook-v1.json', 'pagerduty-webhook-v2.json', 'pagerduty-webhooks-v3.ndjson']) {
      const match = await detectFormat(fileInput(name, await readFixture(name)));
      expect(match.importer.id, name).toBe('pagerduty');
    }
  });
});

describe('pagerduty record parts picked together', () => {
  it('recognises log entries, notes, the incident and webhooks as parts of one record', async () => {
    for (const name of ['pagerduty-log-entries.json', 'pagerduty-notes.json', 'pagerduty-incident.json', 'pagerduty-webhook-v1.json', 'pagerduty-webhooks-v3.ndjson']) {
      expect(isPagerDutyRecordPart(await readFixtureText(name)), name).toBe(true);
    }
    expect(isPagerDutyRecordPart(await readFixtureText('statuspage-incidents.json'))).toBe(false);
    expect(isPagerDutyRecordPart(await readFixtureText('timeline-comma.csv'))).toBe(false);
  });

  it('imports every part of a group: log entries, notes not already logged, and the incident title', async () => {
    const input = folderInput('PagerDuty incident (3 files)', {
      'pagerduty-notes.json': await readFixture('pagerduty-notes.json'),
      'pagerduty-incident.json': await readFixture('pagerduty-incident.json'),
      'pagerduty-log-entries.json': await readFixture('pagerduty-log-entries.json'),
    });
    const result = await parse(input, {});
    expect(result.events).toHaveLength(8);
    expect(result.events.some((event) => event.dedupeKey === 'pagerduty:note:PNOTE92')).toBe(true);
    expect(must(result.events[0]).channel).toContain('#731');
  });
});
