import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, fixtureInput, must } from './__fixtures__/read-fixture';
import { csvKind, csvTimelineImporter, guessCsvMapping } from './csv-timeline';

const parse = csvTimelineImporter.parse.bind(csvTimelineImporter);
const at = (iso: string) => Date.parse(iso);

describe('csv timeline', () => {
  it('reads a BOM, CRLF, quoted multi-line cells and mixed timestamp styles', async () => {
    const result = await parse(await fixtureInput('timeline-comma.csv'), {});
    expect(result.events.map((event) => [event.at, event.kind, event.actorName, event.channel])).toEqual([
      [at('2025-03-09T06:45:00Z'), 'alert', 'Prometheus', 'alerting'],
      [at('2025-03-09T06:47:12Z'), 'page', 'Dana Ortiz', 'pagerduty'],
      [at('2025-03-09T07:02:00Z'), 'note', 'Emre Yilmaz', 'slack'],
      [at('2025-03-09T07:30:00Z'), 'deploy', 'ci-bot', 'deploy'],
    ]);
    expect(must(result.events[2]).text).toBe('Failing over shard 4, then "warming" caches\r\nsecond line of the note');
    expect(must(result.events[1]).originalTime).toBe('2025-03-09T01:47:12-05:00');
    expect(must(result.events[0]).links).toEqual([{ url: 'https://prometheus.example/alerts', label: 'Link' }]);
    expect(must(result.events[0]).raw).toEqual({
      timestamp: '2025-03-09T06:45:00Z',
      actor: 'Prometheus',
      source: 'alerting',
      event_type: 'alert',
      message: 'search-api p99 latency > 2s',
      url: 'https://prometheus.example/alerts',
    });
    expect(result.skipped).toEqual([{ reason: 'empty row', count: 1 }]);
    expect(result.warnings.map((warning) => warning.message)).toEqual(['1 row gives a time without a zone; read as UTC']);
    expect(result.actors.map((actor) => actor.name).sort()).toEqual(['Dana Ortiz', 'Emre Yilmaz', 'Prometheus', 'ci-bot']);
  });

  it('reports progress ending with the number of events', async () => {
    const reports: number[] = [];
    await parse(await fixtureInput('timeline-comma.csv'), {}, { onProgress: (progress) => reports.push(progress.events) });
    expect(reports.at(-1)).toBe(4);
  });

  it('reads naive timestamps in the chosen zone', async () => {
    const result = await parse(await fixtureInput('timeline-comma.csv'), { timeZone: 'America/New_York' });
    expect(must(result.events.find((event) => event.actorName === 'Emre Yilmaz')).at).toBe(at('2025-03-09T11:02:00Z'));
    expect(must(result.events.find((event) => event.actorName === 'Prometheus')).at).toBe(at('2025-03-09T06:45:00Z'));
  });

  it('detects ; separators and guesses columns in any order', async () => {
    const result = await parse(await fixtureInput('timeline-semicolon.csv'), { timeZone: 'America/New_York' });
    expect(result.events.map((event) => [event.text, event.at, event.actorName, event.kind])).toEqual([
      ['Shard 4; replica lag', at('2025-03-09T06:58:00Z'), 'Emre Yilmaz', 'note'],
      ['Traffic drained from us-east', at('2025-03-09T07:15:00Z'), 'Dana Ortiz', 'deploy'],
    ]);
  });

  it('reports a bad time with the physical line, counting multi-line cells', async () => {
    const error = await expectImportError(parse(await fixtureInput('timeline-bad-date.csv'), {}));
    expect(error).toMatchObject({ code: 'BAD_DATE', location: { file: 'timeline-bad-date.csv', line: 5, field: 'time' } });
  });

  it('reports an unclosed quote as BAD_CSV at the line where the row starts', async () => {
    const error = await expectImportError(parse(fileInput('t.csv', 'time,message\n2025-03-09T06:45:00Z,ok\n2025-03-09T06:46:00Z,"never closed\nmore\n'), {}));
    expect(error).toMatchObject({ code: 'BAD_CSV', location: { line: 3 } });
  });

  it('applies a column mapping and rejects one naming a missing column', async () => {
    const text = 'Started,Said,By,Ref\n2025-03-09T06:45:00Z,hello,Dana,EV-1\n';
    const result = await parse(fileInput('t.csv', text), { mapping: { time: 'Started', message: 'Said', actor: 'By', id: 'Ref' } });
    expect(result.events[0]).toMatchObject({ dedupeKey: 'csv-timeline:EV-1', text: 'hello', actorName: 'Dana' });
    const missing = await expectImportError(parse(fileInput('t.csv', text), { mapping: { time: 'Start time' } }));
    expect(missing).toMatchObject({ code: 'BAD_CSV', location: { field: 'Start time' } });
    const noTime = await expectImportError(parse(fileInput('t.csv', text), {}));
    expect(noTime).toMatchObject({ code: 'BAD_CSV', location: { field: 'time' } });
  });

  it('derives stable content ids without an id column and drops duplicate rows', async () => {
    const text = 'time,message\n2025-03-09T06:45:00Z,hello\n2025-03-09T06:45:00Z,hello\n2025-03-09T06:46:00Z,bye\n';
    const once = await parse(fileInput('t.csv', text), {});
    const reordered = await parse(fileInput('t.csv', 'message,time\nbye,2025-03-09T06:46:00Z\nhello,2025-03-09T06:45:00Z\n'), {});
    expect(once.events).toHaveLength(2);
    expect(once.skipped).toEqual([{ reason: 'duplicate record', count: 1 }]);
    expect(reordered.events.map((event) => event.dedupeKey)).toEqual(once.events.map((event) => event.dedupeKey));
  });

  it('never turns a non-web URL into a link', async () => {
    const result = await parse(fileInput('t.csv', 'time,message,url\n2025-03-09T06:45:00Z,x,javascript:alert(1)\n'), {});
    expect(must(result.events[0]).links).toEqual([]);
  });

  it('rejects empty files and files without rows', async () => {
    expect((await expectImportError(parse(fileInput('t.csv', '\uFEFF\r\n'), {}))).code).toBe('EMPTY');
    expect((await expectImportError(parse(fileInput('t.csv', 'time,message\r\n'), {}))).code).toBe('EMPTY');
  });

  it('previews headers, guessed mapping, separator and the first 10 rows', async () => {
    const rows = Array.from({ length: 15 }, (_, i) => `2025-03-09T06:${String(i).padStart(2, '0')}:00Z;row ${i}`);
    const preview = await csvTimelineImporter.preview(fileInput('t.csv', `Timestamp;Description\n${rows.join('\n')}\n`), {});
    expect(preview.headers).toEqual(['Timestamp', 'Description']);
    expect(preview.mapping).toEqual({ time: 'Timestamp', actor: null, message: 'Description', source: null, kind: null, url: null, id: null });
    expect(preview.separator).toBe(';');
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[9]).toEqual(['2025-03-09T06:09:00Z', 'row 9']);
    expect(preview.sample).toHaveLength(10);
    expect(preview.eventCount).toBe(15);
  });

  it('previews even when the time column is unknown or a row is bad, so the user can fix the mapping', async () => {
    const preview = await csvTimelineImporter.preview(fileInput('t.csv', 'Started,Said\nsoon,hi\n'), {});
    expect(preview.mapping.time).toBeNull();
    expect(preview.sample).toEqual([]);
    expect(preview.warnings[0]?.message).toContain('choose the time column');
    const bad = await csvTimelineImporter.preview(fileInput('t.csv', 'Started,Said\nsoon,hi\n'), { mapping: { time: 'Started' } });
    expect(bad.errors[0]?.line).toBe(2);
  });

  it('detects day-first dates from a row that settles it and reads every row that way', async () => {
    const text = 'time,message\n12/05/2020 16:00,first\n13/05/2020 09:30,second\n';
    const preview = await csvTimelineImporter.preview(fileInput('t.csv', text), {});
    expect(preview.dates).toEqual({ numeric: true, detected: 'day-first', used: 'day-first' });
    expect(preview.errors).toEqual([]);
    const result = await parse(fileInput('t.csv', text), {});
    expect(result.events.map((event) => event.at)).toEqual([at('2020-05-12T16:00:00Z'), at('2020-05-13T09:30:00Z')]);
    const monthFirst = await parse(fileInput('t.csv', 'time,message\n12/05/2020 16:00,first\n12/13/2020 09:30,second\n'), {});
    expect(monthFirst.events.map((event) => event.at)).toEqual([at('2020-12-05T16:00:00Z'), at('2020-12-13T09:30:00Z')]);
  });

  it('asks for the date format when no row settles it, naming the line and column, and reads the choice', async () => {
    const text = 'when,message\n01/02/2020 10:00,first\n12/05/2020 16:00,second\n';
    const preview = await csvTimelineImporter.preview(fileInput('t.csv', text), {});
    expect(preview.dates).toEqual({ numeric: true, detected: null, used: null });
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ line: 2 });
    expect(preview.errors[0]?.message).toBe(
      't.csv, line 2, field when: "01/02/2020 10:00" can be read day first or month first (1 February or January 2) and no row settles it: choose the date format',
    );
    const error = await expectImportError(parse(fileInput('t.csv', text), {}));
    expect(error).toMatchObject({ code: 'BAD_DATE', location: { line: 2, field: 'when' } });
    const chosen = await parse(fileInput('t.csv', text), { dateOrder: 'day-first' });
    expect(chosen.events.map((event) => event.at)).toEqual([at('2020-02-01T10:00:00Z'), at('2020-05-12T16:00:00Z')]);
    const chosenPreview = await csvTimelineImporter.preview(fileInput('t.csv', text), { dateOrder: 'month-first' });
    expect(chosenPreview.errors).toEqual([]);
    expect(chosenPreview.dates.used).toBe('month-first');
  });

  it('refuses a column that mixes day-first and month-first dates, naming both lines', async () => {
    const text = 'time,message\n13/05/2020 16:00,a\n2020-05-14T00:00:00Z,iso\n05/14/2020 09:30,b\n';
    const error = await expectImportError(parse(fileInput('t.csv', text), {}));
    expect(error).toMatchObject({ code: 'BAD_DATE', location: { line: 4, field: 'time' } });
    expect(error.message).toBe('the "time" column mixes date formats: line 2 has "13/05/2020 16:00" (day first) and line 4 has "05/14/2020 09:30" (month first)');
    // Choosing an order reads every row that way, so the row that contradicts it is the error.
    const chosen = await expectImportError(parse(fileInput('t.csv', text), { dateOrder: 'day-first' }));
    expect(chosen).toMatchObject({ code: 'BAD_DATE', location: { line: 4, field: 'time' } });
  });

  it('ISO-only files need no date format', async () => {
    const preview = await csvTimelineImporter.preview(await fixtureInput('timeline-comma.csv'), {});
    expect(preview.dates).toEqual({ numeric: false, detected: null, used: null });
    expect(preview.errors).toEqual([]);
  });

  it('detects CSV timelines by content', async () => {
    expect(await csvTimelineImporter.detect(await fixtureInput('timeline-comma.csv'))).toBeGreaterThan(0.8);
    expect(await csvTimelineImporter.detect(await fixtureInput('timeline-semicolon.csv'))).toBeGreaterThan(0.5);
    expect(await csvTimelineImporter.detect(await fixtureInput('pagerduty-log-entries.json'))).toBe(0);
    expect(await csvTimelineImporter.detect(fileInput('notes.txt', 'just some words\nwithout columns\n'))).toBe(0);
  });
});

describe('csv helpers', () => {
  it('guesses each column once', () => {
    expect(guessCsvMapping(['Event ID', 'Created At', 'Type', 'Summary', 'Link', 'Owner'])).toEqual({
      time: 'Created At',
      actor: 'Owner',
      message: 'Summary',
      source: null,
      kind: 'Type',
      url: 'Link',
      id: 'Event ID',
    });
  });

  it('maps kind words to event kinds, defaulting to note', () => {
    expect(['deploy', 'Deployment', 'ALERT', 'ack', 'Status Update', 'chat', 'whatever'].map(csvKind)).toEqual([
      'deploy',
      'deploy',
      'alert',
      'page',
      'status-update',
      'message',
      'note',
    ]);
  });
});

describe('csv cancel', () => {
  it('keeps physical line numbers across the tokenizer pauses (multi-line cells, a bad row far down)', async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `2025-03-09T06:45:00Z,"row ${i}\nsecond line"`);
    rows[23_456] = 'not a time,"row 23456\nsecond line"';
    const signal = { aborted: false };
    const error = await expectImportError(parse(fileInput('t.csv', `time,message\n${rows.join('\n')}\n`), {}, { signal }));
    // Header on line 1, each row two lines: row i starts on line 2 + 2i.
    expect(error).toMatchObject({ code: 'BAD_DATE', location: { line: 2 + 2 * 23_456, field: 'time' } });
    rows[23_456] = '2025-03-09T06:45:00Z,"row 23456\nsecond line"';
    const result = await parse(fileInput('t.csv', `time,message\n${rows.join('\n')}\n`), {}, { signal });
    expect(result.events).toHaveLength(25_000);
    expect(result.events.at(-1)?.text).toBe('row 24999\nsecond line');
  });

  it('takes a Cancel while the file is being tokenized, before any row is read', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `2025-03-09T06:45:00Z,row ${i}`);
    // Cancel arrives in a task of its own right after the first look at the flag, which the
    // tokenizer's first pause takes (a tokenizer that never paused would first look at row 0).
    let aborted = false;
    let armed = false;
    const signal = {
      get aborted() {
        if (!armed) {
          armed = true;
          setTimeout(() => (aborted = true), 0);
        }
        return aborted;
      },
    };
    const reports: number[] = [];
    const error = await expectImportError(parse(fileInput('t.csv', `time,message\n${rows.join('\n')}\n`), {}, { signal, onProgress: (p) => reports.push(p.events) }));
    expect(error.code).toBe('CANCELLED');
    expect(reports).toEqual([]);
  });

  it('takes a Cancel that arrives while rows are being read and stops with CANCELLED', async () => {
    const total = 20_000;
    const rows = Array.from({ length: total }, (_, i) => `2025-03-09T06:45:${String(i % 60).padStart(2, '0')}Z,row ${i}`);
    let aborted = false;
    let eventsAtCancel = -1;
    let last = 0;
    const onProgress = (progress: { events: number }) => {
      last = progress.events;
      // Once the row loop runs, Cancel arrives as the worker's message does: in a task of its own,
      // which a loop that never yields would only let in after its last row.
      if (progress.events > 0 && eventsAtCancel < 0) {
        eventsAtCancel = 0;
        setTimeout(() => {
          aborted = true;
          eventsAtCancel = last;
        }, 0);
      }
    };
    const signal = { get aborted() { return aborted; } };
    const error = await expectImportError(parse(fileInput('t.csv', `time,message\n${rows.join('\n')}\n`), {}, { signal, onProgress }));
    expect(error.code).toBe('CANCELLED');
    expect(eventsAtCancel).toBeGreaterThan(0);
    expect(eventsAtCancel).toBeLessThan(total);
  });
});
