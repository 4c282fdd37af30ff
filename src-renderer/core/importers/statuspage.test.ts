import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, readFixtureText, must } from './__fixtures__/read-fixture';
import { statuspageImporter } from './statuspage';

const parse = statuspageImporter.parse.bind(statuspageImporter);
const at = (iso: string) => Date.parse(iso);

describe('statuspage incidents', () => {
  it('turns newest-first incident updates into status-update events in time order', async () => {
    const result = await parse(await fixtureInput('statuspage-incidents.json'), {});
    expect(result.events.map((event) => [event.dedupeKey, event.kind, event.at])).toEqual([
      ['statuspage:upd1', 'status-update', at('2025-03-09T06:52:00Z')],
      ['statuspage:upd2', 'status-update', at('2025-03-09T06:59:00Z')],
      ['statuspage:upd3', 'status-update', at('2025-03-09T07:10:00Z')],
      ['statuspage:upd4', 'status-update', at('2025-03-09T07:45:00Z')],
    ]);
  });

  it('puts the status and component changes in the text, and keeps markup as literal text', async () => {
    const result = await parse(await fixtureInput('statuspage-incidents.json'), {});
    const [first, , third] = result.events;
    expect(must(first).text).toBe('Investigating: We are investigating slow search results.\nSearch: operational → degraded performance');
    expect(must(third).text).toBe('Monitoring: A fix has been applied. <b>We are monitoring.</b>');
    expect(first).toMatchObject({
      originalTime: '2025-03-09T01:52:00.000-05:00',
      channel: 'Slow search results',
      actorName: 'Example Search status page',
      actorExternalId: null,
      links: [{ url: 'https://stspg.example/inc731', label: 'Status page' }],
    });
    expect((must(first).raw as { display_at: string }).display_at).toBe('2025-03-09T01:46:00.000-05:00');
  });

  it("reads naive times in the page's zone unless the user picks one", async () => {
    const doc = JSON.parse(await readFixtureText('statuspage-incidents.json'));
    doc.incidents[0].incident_updates[3].created_at = '2025-03-09 01:52:00';
    const fromPage = await parse(fileInput('i.json', JSON.stringify(doc)), {});
    expect(must(fromPage.events[0]).at).toBe(at('2025-03-09T06:52:00Z'));
    const chosen = await parse(fileInput('i.json', JSON.stringify(doc)), { timeZone: 'UTC' });
    expect(must(chosen.events.find((event) => event.dedupeKey === 'statuspage:upd1')).at).toBe(at('2025-03-09T01:52:00Z'));
  });

  it('accepts a single incident document', async () => {
    const doc = JSON.parse(await readFixtureText('statuspage-incidents.json'));
    const single = await parse(fileInput('incident.json', JSON.stringify({ incident: doc.incidents[0] })), {});
    expect(single.events).toHaveLength(4);
  });

  it('hashes updates without an id stably', async () => {
    const doc = JSON.parse(await readFixtureText('statuspage-incidents.json'));
    delete doc.incidents[0].incident_updates[0].id;
    const once = await parse(fileInput('i.json', JSON.stringify(doc)), {});
    const twice = await parse(fileInput('i.json', JSON.stringify(doc, null, 4)), {});
    const key = must(once.events.at(-1)).dedupeKey;
    expect(key).toMatch(/^statuspage:[0-9a-f]{16}$/);
    expect(must(twice.events.at(-1)).dedupeKey).toBe(key);
  });

  it('names the field of a broken update', async () => {
    const doc = JSON.parse(await readFixtureText('statuspage-incidents.json'));
    delete doc.incidents[0].incident_updates[2].status;
    const error = await expectImportError(parse(fileInput('i.json', JSON.stringify(doc)), {}));
    expect(error.code).toBe('WRONG_SHAPE');
    expect(error.location.field).toBe('incidents[0].incident_updates[2].status');
    doc.incidents[0].incident_updates[2].status = 'identified';
    doc.incidents[0].incident_updates[1].created_at = 'soon';
    const date = await expectImportError(parse(fileInput('i.json', JSON.stringify(doc)), {}));
    expect(date).toMatchObject({ code: 'BAD_DATE', location: { field: 'incidents[0].incident_updates[1].created_at' } });
  });

  it('rejects other JSON and empty incident lists', async () => {
    expect((await expectImportError(parse(await fixtureInput('pagerduty-log-entries.json'), {}))).code).toBe('WRONG_SHAPE');
    expect((await expectImportError(parse(fileInput('i.json', '{"incidents":[]}'), {}))).code).toBe('EMPTY');
  });

  it('detects incidents.json by content', async () => {
    expect(await statuspageImporter.detect(await fixtureInput('statuspage-incidents.json'))).toBeGreaterThan(0.9);
    expect(await statuspageImporter.detect(await fixtureInput('pagerduty-log-entries.json'))).toBe(0);
    expect(await statuspageImporter.detect(await fixtureInput('alertmanager-firing.json'))).toBe(0);
  });
});
