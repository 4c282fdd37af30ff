/**
 * Heights and offsets of the Timeline's rows, for the virtualised list: a row's height changes in
 * O(1) and an offset or the row at an offset costs O(rows / BLOCK + BLOCK), so measuring the rows
 * scrolled in never walks all 100k+ rows (a prefix sum per block of rows, not per row).
 */
const BLOCK = 256;

export class RowOffsets {
  readonly count: number;
  private readonly blockSums: Float64Array;
  private totalSize = 0;

  /** Takes `sizes` (one height per row) as its own: one pass per block, nothing per row but an add. */
  constructor(private readonly sizes: Float64Array) {
    this.count = sizes.length;
    this.blockSums = new Float64Array(Math.ceil(this.count / BLOCK));
    for (let b = 0; b < this.blockSums.length; b++) {
      const end = Math.min(this.count, (b + 1) * BLOCK);
      let sum = 0;
      for (let i = b * BLOCK; i < end; i++) sum += sizes[i] ?? 0;
      this.blockSums[b] = sum;
      this.totalSize += sum;
    }
  }

  static of(count: number, sizeOf: (index: number) => number): RowOffsets {
    const sizes = new Float64Array(count);
    for (let i = 0; i < count; i++) sizes[i] = sizeOf(i);
    return new RowOffsets(sizes);
  }

  get total(): number {
    return this.totalSize;
  }

  size(index: number): number {
    return this.sizes[index] ?? 0;
  }

  /** Sets a row's height; returns how much it changed. */
  setSize(index: number, size: number): number {
    if (index < 0 || index >= this.count) return 0;
    const delta = size - (this.sizes[index] ?? 0);
    if (delta === 0) return 0;
    this.sizes[index] = size;
    this.blockSums[(index / BLOCK) | 0] = (this.blockSums[(index / BLOCK) | 0] ?? 0) + delta;
    this.totalSize += delta;
    return delta;
  }

  /** Where row `index` starts (`count` gives the total). */
  offsetOf(index: number): number {
    const end = Math.max(0, Math.min(index, this.count));
    const block = (end / BLOCK) | 0;
    let offset = 0;
    for (let b = 0; b < block; b++) offset += this.blockSums[b] ?? 0;
    for (let i = block * BLOCK; i < end; i++) offset += this.sizes[i] ?? 0;
    return offset;
  }

  /** The row covering `offset` (the last row past the end, 0 before the start or with no rows). */
  indexAt(offset: number): number {
    if (this.count === 0 || offset <= 0) return 0;
    let start = 0;
    let b = 0;
    while (b < this.blockSums.length - 1 && start + (this.blockSums[b] ?? 0) <= offset) start += this.blockSums[b++] ?? 0;
    for (let i = b * BLOCK; i < this.count; i++) {
      start += this.sizes[i] ?? 0;
      if (start > offset) return i;
    }
    return this.count - 1;
  }
}
