import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RowOffsets } from './row-offsets';

/** The plain prefix sum the block sums must agree with. */
function naiveOffset(sizes: number[], index: number): number {
  return sizes.slice(0, index).reduce((a, b) => a + b, 0);
}

function naiveIndexAt(sizes: number[], offset: number): number {
  if (sizes.length === 0 || offset <= 0) return 0;
  let start = 0;
  for (let i = 0; i < sizes.length; i++) {
    start += sizes[i] ?? 0;
    if (start > offset) return i;
  }
  return sizes.length - 1;
}

const sizeArb = fc.integer({ min: 1, max: 200 });

describe('RowOffsets', () => {
  it('answers offsets and rows at offsets like a plain prefix sum, across blocks and after resizes', () => {
    fc.assert(
      fc.property(
        fc.array(sizeArb, { maxLength: 1200 }),
        fc.array(fc.tuple(fc.nat(), sizeArb), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (initial, resizes, probes) => {
          const sizes = [...initial];
          const offsets = RowOffsets.of(sizes.length, (i) => sizes[i] ?? 0);
          for (const [at, size] of resizes) {
            if (sizes.length === 0) break;
            const index = at % sizes.length;
            expect(offsets.setSize(index, size)).toBe(size - (sizes[index] ?? 0));
            sizes[index] = size;
          }
          const total = naiveOffset(sizes, sizes.length);
          expect(offsets.total).toBe(total);
          expect(offsets.offsetOf(sizes.length)).toBe(total);
          for (const probe of probes) {
            const index = sizes.length === 0 ? 0 : probe % (sizes.length + 1);
            expect(offsets.offsetOf(index)).toBe(naiveOffset(sizes, index));
            const at = total === 0 ? 0 : probe % (total + 50);
            expect(offsets.indexAt(at)).toBe(naiveIndexAt(sizes, at));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('puts an offset on a row boundary in the row that starts there', () => {
    const offsets = RowOffsets.of(600, () => 10);
    expect(offsets.indexAt(0)).toBe(0);
    expect(offsets.indexAt(9.5)).toBe(0);
    expect(offsets.indexAt(10)).toBe(1);
    expect(offsets.indexAt(2560)).toBe(256);
    expect(offsets.indexAt(99_999)).toBe(599);
  });
});
