import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, folderInput, readFixture } from './__fixtures__/read-fixture';
import { opsgenieImporter } from './opsgenie';
import { detectFormat } from './registry';

const parse = opsgenieImporter.parse.bind(opsgenieImporter);

describe('opsgenie alert logs', () => {
  it('turns alert log lines and notes picked together into alert, page, system and note events', async () => {
    const input = folderInput('alert 5f3c', {
      'logs.json': await readFixture('opsgenie-alert-logs.json'),
      'notes.json': await readFixture('opsgenie-alert-notes.json'),
    });
    const result = await parse(input, {});
    expect(result.events.map((event) => [event.kind, event.actorName, event.text])).toEqual([
      ['alert', '', 'Alert created via API (Prometheus): checkout-api 5xx > 5%'],
      ['page', 'priya@example.com', 'Acknowledged alert'],
      ['page', '', 'Escalated alert to next level of Payments_escalation'],
      ['note', 'tom@example.com', 'Rolled back payments-api config 2024.06.12-1'],
      ['page', 'priya@example.com', 'Closed alert'],
    ]);
    expect(result.actors.find((actor) => actor.externalId === 'priya@example.com')?.email).toBe('priya@example.com');
    expect(new Set(result.events.map((event) => event.dedupeKey)).size).toBe(5);
  });

  it('is detected from content and refuses other JSON', async () => {
    expect((await detectFormat(fileInput('logs.json', await readFixture('opsgenie-alert-logs.json')))).importer.id).toBe('opsgenie');
    expect(await opsgenieImporter.detect(await fixtureInput('pagerduty-log-entries.json'))).toBe(0);
    expect((await expectImportError(parse(fileInput('x.json', '{"data": 3}'), {}))).code).toBe('WRONG_SHAPE');
  });
});
