import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, readFixture } from './__fixtures__/read-fixture';
import { detectFormat } from './registry';
import { transcriptImporter } from './transcript';

const parse = transcriptImporter.parse.bind(transcriptImporter);
const START = Date.parse('2024-06-12T14:00:00Z');

describe('call transcripts', () => {
  it('turns WebVTT cues into events from the call start, with <v> and "Name:" speakers and no markup', async () => {
    const result = await parse(await fixtureInput('bridge-call.vtt'), { startAt: START });
    expect(result.events.map((event) => [event.at - START, event.actorName, event.text, event.channel])).toEqual([
      [4000, 'Priya Raman', 'I am Incident Commander. Checkout is returning 5xx.', 'Call transcript'],
      [70250, 'Tom Okafor', 'Rolling back the payments-api config now.', 'Call transcript'],
      [120000, 'Priya Raman', 'Scribe, please note the rollback time.', 'Call transcript'],
    ]);
    expect(result.actors.map((actor) => actor.name)).toEqual(['Priya Raman', 'Tom Okafor']);
  });

  it('reads SRT with CRLF and comma decimals the same way', async () => {
    const result = await parse(await fixtureInput('bridge-call.srt'), { startAt: START });
    expect(result.events.map((event) => [event.at - START, event.actorName])).toEqual([
      [4000, 'Priya Raman'],
      [70250, 'Tom Okafor'],
    ]);
  });

  it('needs the call start, and is detected from content', async () => {
    expect((await expectImportError(parse(await fixtureInput('bridge-call.vtt'), {}))).code).toBe('BAD_DATE');
    for (const name of ['bridge-call.vtt', 'bridge-call.srt']) {
      expect((await detectFormat(fileInput(name, await readFixture(name)))).importer.id, name).toBe('transcript');
    }
    expect(await transcriptImporter.detect(await fixtureInput('chat-irc.log'))).toBe(0);
  });
});
