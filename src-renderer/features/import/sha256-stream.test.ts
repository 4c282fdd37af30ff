import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256 } from './sha256-stream';

describe('Sha256', () => {
  it('matches sha256sum for every length around block boundaries, fed in uneven slices', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_001]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      const hasher = new Sha256();
      for (let offset = 0; offset < length; offset += 37) hasher.update(bytes.subarray(offset, offset + 37));
      expect(hasher.digestHex(), `length ${length}`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
