import { describe, expect, it } from 'vitest';
import { stableHash, stableStringify } from './stable-hash';

describe('stableHash', () => {
  it('is deterministic, 16 hex digits, and tells near-identical strings apart', () => {
    expect(stableHash('search-api p99 latency > 2s')).toBe(stableHash('search-api p99 latency > 2s'));
    expect(stableHash('')).toMatch(/^[0-9a-f]{16}$/);
    const hashes = new Set(Array.from({ length: 2000 }, (_, i) => stableHash(`row ${i}`)));
    expect(hashes.size).toBe(2000);
    expect(stableHash('ab')).not.toBe(stableHash('ba'));
  });

  it('pins known values so keys stay the same across releases', () => {
    // Changing these breaks de-duplication of every record imported without a vendor id.
    expect(stableHash('a')).toBe('e40c292c41c98161');
    expect(stableHash('search-api p99 latency > 2s')).toBe('79477b699adeb712');
  });
});

describe('stableStringify', () => {
  it('sorts object keys at every level so key order does not change the hash', () => {
    expect(stableStringify({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(stableStringify(undefined)).toBe('null');
  });
});
