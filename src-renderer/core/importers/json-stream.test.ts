import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectImportError, fileInput, must } from './__fixtures__/read-fixture';
import { ImportError } from './import-error';
import { inputFiles } from './input-files';
import { streamJsonObject, type StreamedObject } from './json-stream';
import { resolveLimits, type ImportLimits } from './limits';

const notAnObject = () => new ImportError('WRONG_SHAPE', 'not an object', { file: 'x.json' });

async function stream(text: string | Uint8Array, chunkBytes = 7, limits: Partial<ImportLimits> = {}): Promise<StreamedObject & { list: unknown[]; lines: number[] }> {
  const file = must(inputFiles(fileInput('x.json', text))[0]);
  const list: unknown[] = [];
  const lines: number[] = [];
  const result = await streamJsonObject(
    file,
    'messages',
    (item) => {
      list.push(item.value);
      lines.push(item.line);
    },
    { limits: resolveLimits(limits), chunkBytes, notAnObject },
  );
  return { ...result, list, lines };
}

describe('streamJsonObject', () => {
  it('hands over the items of the array and parses the other members, whatever the chunk size', async () => {
    const document = { guild: { id: '1' }, channel: { name: 'inc-7 ✓' }, messages: [{ id: 'a', content: 'naïve 🚀 "quoted" \\ ]}' }, 2, 'three', null, [4, [5]], true], messageCount: 6 };
    for (const chunk of [1, 2, 3, 5, 64, 1024 * 1024]) {
      const result = await stream(JSON.stringify(document, null, chunk % 2 ? 2 : 0), chunk);
      expect(result.list).toEqual(document.messages);
      expect(result.members).toEqual({ guild: document.guild, channel: document.channel, messageCount: 6 });
      expect(result).toMatchObject({ found: true, items: 6, warnings: [] });
    }
  });

  it('equals JSON.parse on any object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), fc.array(fc.jsonValue({ maxDepth: 4 })), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (members, items, chunk, pretty) => {
        const text = JSON.stringify({ ...members, messages: items }, null, pretty ? 1 : 0);
        const expected = JSON.parse(text) as Record<string, unknown>;
        const result = await stream(text, chunk);
        expect(result.list).toEqual(expected.messages);
        const { messages: _messages, ...rest } = expected;
        expect(result.members).toEqual(rest);
      }),
      { numRuns: 150 },
    );
  });

  it('names the line each item starts on', async () => {
    const result = await stream('{\n"channel": {},\n"messages": [\n{"id": 1},\n{\n"id": 2}\n]}');
    expect(result.lines).toEqual([4, 5]);
  });

  it('refuses broken structure at the first byte that breaks it, naming the line', async () => {
    const cases: [string, string, number][] = [
      ['{"messages": [1, 2,]}', 'not valid JSON: unexpected "]" on line 1', 1],
      ['{"messages": [1 2]}', 'not valid JSON: unexpected "2" on line 1', 1],
      ['{"a": 1,\n}', 'not valid JSON: unexpected "}" on line 2', 2],
      ['{"a" 1}', 'not valid JSON: unexpected "1" on line 1', 1],
      ['{"a": 1}\n\nx', 'not valid JSON: unexpected text after the end of the document on line 3', 3],
      ['{"messages": [{"id": 1},\n{"id": 2', 'not valid JSON: the file ends before the document does (is it cut short?)', 2],
      ['   ', 'not valid JSON: the file is empty', 1],
    ];
    for (const [text, message, line] of cases) {
      const error = await expectImportError(stream(text));
      expect([error.code, error.message, error.location.line]).toEqual(['INVALID_JSON', message, line]);
    }
    const inItem = await expectImportError(stream('{"messages": [\n{"id": 1},\n{"id": tru}]}'));
    expect([inItem.code, inItem.location.line]).toEqual(['INVALID_JSON', 3]);
    expect(await expectImportError(stream('[{"id": 1}]'))).toMatchObject({ code: 'WRONG_SHAPE', message: 'not an object' });
    expect(await expectImportError(stream(new Uint8Array([0x7b, 0, 0, 0])))).toMatchObject({ code: 'NOT_TEXT' });
  });

  it('refuses one record over the record cap and nesting over the depth cap before buffering them', async () => {
    const big = await expectImportError(stream(`{"messages": [1, "${'x'.repeat(5000)}"]}`, 64, { maxRecordBytes: 4096 }));
    expect([big.code, big.message]).toEqual(['LIMIT_EXCEEDED', 'holds a record larger than the limit of 4.0 KB']);
    const deep = await expectImportError(stream(`{"messages": [${'['.repeat(100)}`, 16));
    expect([deep.code, deep.message]).toEqual(['LIMIT_EXCEEDED', 'JSON nested deeper than the limit of 64 levels']);
  });

  it('reports invalid UTF-8 once, with the line it was first seen on', async () => {
    const head = new TextEncoder().encode('{"messages": [\n"a",\n"');
    const tail = new TextEncoder().encode('", "ÿ"]}');
    const bytes = new Uint8Array([...head, 0xff, 0xfe, ...tail]);
    const result = await stream(bytes, 3);
    expect(result.items).toBe(3);
    expect(result.warnings).toEqual([{ message: '2 invalid UTF-8 sequences replaced with \uFFFD (first on line 3)', line: 3 }]);
  });
});
