import { describe, expect, it } from 'vitest';
import { decodeUtf8, invalidUtf8Warning, refuseBinary } from './text-decode';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('decodeUtf8', () => {
  it('strips a byte order mark and reports nothing for valid text', () => {
    const decoded = decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'timestamp,message\nnaïve ✓'));
    expect(decoded).toEqual({ text: 'timestamp,message\nnaïve ✓', invalid: null });
  });

  it('replaces invalid sequences and reports their count, first byte offset and line', () => {
    const decoded = decodeUtf8(bytes('line one\nline two ', [0xff], ' and ', [0xe2, 0x82], '\nok ', [0xc0, 0xaf]));
    expect(decoded.text).toBe('line one\nline two \uFFFD and \uFFFD\nok \uFFFD\uFFFD');
    expect(decoded.invalid).toEqual({ count: 4, firstOffset: 18, firstLine: 2 });
  });

  it('does not count a genuine U+FFFD in valid text as damage', () => {
    expect(decodeUtf8(bytes('already \uFFFD here')).invalid).toBeNull();
  });

  it('counts exactly the replacement characters the user will see', () => {
    const samples = [[0xf0, 0x90, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80, 0x80], [0xe0, 0x80, 0x80]];
    for (const sample of samples) {
      const decoded = decodeUtf8(new Uint8Array(sample));
      expect(decoded.invalid?.count).toBe([...decoded.text].filter((char) => char === '\uFFFD').length);
    }
  });

  it('turns the report into a warning naming entry and line', () => {
    const warning = invalidUtf8Warning(decodeUtf8(bytes('a\nb', [0xfe])), 'general/2025-03-09.json');
    expect(warning).toMatchObject({ entry: 'general/2025-03-09.json', line: 2 });
    expect(warning?.message).toContain('1 invalid UTF-8 sequence');
    expect(invalidUtf8Warning(decodeUtf8(bytes('fine')))).toBeNull();
  });
});

describe('refuseBinary', () => {
  it('names a ZIP archive or a binary file instead of decoding it as text', () => {
    const where = { file: 'export.zip' };
    expect(() => refuseBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]), where)).toThrow('this is a ZIP archive, not a text file');
    expect(() => refuseBinary(new Uint8Array([0x41, 0x00, 0x42]), where)).toThrow('this is a binary file, not text');
    expect(() => refuseBinary(new TextEncoder().encode('time,text\n2024-06-12T14:00Z,PK'), where)).not.toThrow();
  });
});
