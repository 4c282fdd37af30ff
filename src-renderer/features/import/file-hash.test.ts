import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256OfBlob, sha256OfInput } from './file-hash';
import type { PickedInput } from './picked-input';

const bytesOf = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
const nodeSha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('sha256OfBlob', () => {
  it('streamed: matches sha256sum for every length around block boundaries, fed in uneven slices', async () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_001]) {
      const bytes = bytesOf(length);
      // A one-shot limit below every length sends each blob through the incremental hasher.
      const streamed = await sha256OfBlob(new Blob([bytes]), undefined, undefined, { oneShotLimit: -1, slice: 37 });
      expect(streamed, `length ${length}`).toBe(nodeSha256(bytes));
    }
  });

  it('one-shot and streamed agree, and progress reaches the size', async () => {
    const bytes = bytesOf(10_000);
    const seen: number[] = [];
    const streamed = await sha256OfBlob(new Blob([bytes]), undefined, (done) => seen.push(done), { oneShotLimit: 0, slice: 4096 });
    expect(streamed).toBe(await sha256OfBlob(new Blob([bytes])));
    expect(seen).toEqual([4096, 8192, 10_000]);
  });

  it('stops between slices when aborted', async () => {
    let reads = 0;
    const signal = { get aborted() { return reads >= 2; } };
    const result = await sha256OfBlob(new Blob([bytesOf(10_000)]), signal, () => reads++, { oneShotLimit: 0, slice: 1000 });
    expect(result).toBe('');
    expect(reads).toBe(2);
  });
});

describe('sha256OfInput', () => {
  it('hashes a folder as its sorted listing of path NUL sha256 LF', async () => {
    const a = new TextEncoder().encode('first');
    const b = new TextEncoder().encode('second');
    const input: PickedInput = {
      id: 'f',
      name: 'export',
      kind: 'folder',
      files: [
        { file: new File([b], 'b.json'), path: 'export/b.json' },
        { file: new File([a], 'a.json'), path: 'export/a.json' },
      ],
      size: a.length + b.length,
    };
    const listing = `export/a.json\u0000${nodeSha256(a)}\nexport/b.json\u0000${nodeSha256(b)}\n`;
    expect(await sha256OfInput(input)).toBe(nodeSha256(listing));
  });
});
