import { describe, expect, test } from 'vitest';
import { EVENT_PART_BYTES } from '@protocol/message-limits';
import { decodeBlockParts, encodeBlockParts, type SharedBlock } from './event-block-parts';

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

describe('shared event block parts', () => {
  test('a small block is one part and decodes to what was encoded', () => {
    const block: SharedBlock = { count: 3, firstAt: 1_700_000_000_000, lastAt: 1_700_000_002_000, data: bytes(33, 1), terms: bytes(7, 2), keys: bytes(12, 3), raw: '[{"text":"déploiement ✓"}]' };
    const parts = encodeBlockParts(block);
    expect(parts).toHaveLength(1);
    expect(decodeBlockParts(parts)).toEqual(block);
  });

  test('a block larger than a part is cut into parts no larger than the limit, and joins again', () => {
    const block: SharedBlock = { count: 4096, firstAt: 1, lastAt: 2, data: bytes(EVENT_PART_BYTES + 5, 4), terms: bytes(10, 5), keys: bytes(300_000, 6), raw: 'x'.repeat(EVENT_PART_BYTES) };
    const parts = encodeBlockParts(block);
    expect(parts.length).toBe(3);
    for (const part of parts) expect(part.byteLength).toBeLessThanOrEqual(EVENT_PART_BYTES);
    const decoded = decodeBlockParts(parts);
    // Compared as buffers: a deep equality over millions of elements takes half a minute.
    for (const column of ['data', 'terms', 'keys'] as const) expect(Buffer.compare(decoded[column], block[column]), column).toBe(0);
    expect(decoded.raw === block.raw).toBe(true);
    expect([decoded.count, decoded.firstAt, decoded.lastAt]).toEqual([4096, 1, 2]);
    // Each column is its own buffer (not a view on the joined parts), so storing it stores only it.
    expect(decoded.terms.buffer.byteLength).toBe(10);
  });

  test('missing or foreign parts are refused, not misread', () => {
    const parts = encodeBlockParts({ count: 1, firstAt: 1, lastAt: 1, data: bytes(EVENT_PART_BYTES, 7), terms: bytes(1, 8), keys: bytes(1, 9), raw: '[]' });
    expect(() => decodeBlockParts(parts.slice(0, 1))).toThrow(expect.objectContaining({ code: 'CORRUPT_BLOCK' }));
    expect(() => decodeBlockParts([bytes(64, 0)])).toThrow(expect.objectContaining({ code: 'CORRUPT_BLOCK' }));
  });
});
