import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ImportError } from './import-error';
import { checkJsonDepth, formatIssuePath, locateJsonError, parseJsonLines, parseJsonText, validateShape } from './json-input';

const where = { file: 'log.json' };

function thrown(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('parseJsonText', () => {
  it('parses JSON and ignores a BOM', () => {
    expect(parseJsonText('\uFEFF{"a":[1,2]}', where)).toEqual({ a: [1, 2] });
  });

  it('turns syntax errors into INVALID_JSON with the line of the mistake', () => {
    const cases: [string, number][] = [
      ['{\n  "a": 1,\n  "b": tru\n}', 3],
      ['{\n"a": 1,\n}', 3],
      ['[1,\n2\n', 3],
      ['x', 1],
      ['{"a":1}\n\n{"b":2}', 3],
    ];
    for (const [text, line] of cases) {
      const error = thrown(() => parseJsonText(text, where));
      expect(error.code).toBe('INVALID_JSON');
      expect(error.location).toEqual({ file: 'log.json', line });
    }
  });

  it('says an empty file is empty', () => {
    expect(thrown(() => parseJsonText('  \n', where)).message).toContain('empty');
  });

  it('rejects nesting beyond the cap before parsing, naming the cap and line', () => {
    const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
    const error = thrown(() => parseJsonText(`{"ok":1,\n"x":${deep}}`, where));
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(error.message).toBe('JSON nested deeper than the limit of 64 levels');
    expect(error.location.line).toBe(2);
    expect(parseJsonText(`{"x":${deep}}`, where, { maxJsonDepth: 100 })).toBeTruthy();
  });

  it('ignores brackets inside strings when measuring depth', () => {
    expect(() => checkJsonDepth(JSON.stringify({ text: '[[[[[[[[[["\\' }), 3, where)).not.toThrow();
  });
});

describe('locateJsonError', () => {
  it('returns null for valid JSON and an offset otherwise', () => {
    expect(locateJsonError('{"a":[1,-2.5e3,"\\u00e9",true,false,null]}')).toBeNull();
    expect(locateJsonError('{"a":01}')).toBe(6);
    expect(locateJsonError('"\\x"')).toBe(1);
  });
});

describe('parseJsonLines', () => {
  it('parses one document per line, skipping blank lines, with physical line numbers', () => {
    expect(parseJsonLines('{"a":1}\r\n\n{"b":2}\n', where)).toEqual([
      { value: { a: 1 }, line: 1 },
      { value: { b: 2 }, line: 3 },
    ]);
    expect(thrown(() => parseJsonLines('{"a":1}\n\n{"b":}\n', where)).location.line).toBe(3);
  });
});

describe('validateShape', () => {
  const schema = z.object({ log_entries: z.array(z.object({ created_at: z.string() })) });

  it('returns the typed value when the shape matches', () => {
    expect(validateShape(schema, { log_entries: [{ created_at: 'x' }] }, where).log_entries[0]?.created_at).toBe('x');
  });

  it('names the field path of the first problem in WRONG_SHAPE', () => {
    const value = { log_entries: [{ created_at: 'a' }, { created_at: 'b' }, { created_at: 'c' }, { created_at: 42 }] };
    const error = thrown(() => validateShape(schema, value, where));
    expect(error.code).toBe('WRONG_SHAPE');
    expect(error.location.field).toBe('log_entries[3].created_at');
    expect(error.describe()).toContain('field log_entries[3].created_at');
  });

  it('prefixes a base path and quotes odd keys', () => {
    expect(formatIssuePath(['labels', 'team name', 0], 'alerts[2]')).toBe('alerts[2].labels["team name"][0]');
    const error = thrown(() => validateShape(z.object({ id: z.string() }), {}, where, 'incidents[1]'));
    expect(error.location.field).toBe('incidents[1].id');
  });
});
