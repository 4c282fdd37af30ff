import { forEachTermWithPrefix, type BlockTerms } from '@core/events/block-terms';

/**
 * The documents of one term: `base + docs[i]`, or `map[docs[i]]` once renumbered (-1: gone).
 * The term dictionary's lists are `{ docs: list, base: 0, map: null }`.
 */
export interface DocList {
  docs: ArrayLike<number>;
  base: number;
  map: Int32Array | null;
}

interface StoredBlock {
  terms: BlockTerms;
  /** Document of row 0 while the rows are numbered in one run. */
  base: number;
  /** After a renumbering: the document of each row, -1 for a row gone. */
  map: Int32Array | null;
  rows: number;
}

/**
 * The stored search postings of whole blocks, kept as they were read instead of being copied
 * into the term dictionary: opening a million events then costs no posting copied (sixteen
 * million list entries, most of the index build's time and garbage); a search looks each
 * word up in every block's sorted terms instead, a binary search per block.
 */
export class BlockPostings {
  private blocks: StoredBlock[] = [];

  /** The block's rows are documents `base` … `base + rows - 1`. */
  add(base: number, rows: number, terms: BlockTerms): void {
    this.blocks.push({ terms, base, map: null, rows });
  }

  /** Every block's postings of the terms that start with `prefix`. */
  withPrefix(prefix: string, into: DocList[]): void {
    for (const { terms: block, base, map } of this.blocks) {
      const { terms, starts, rows } = block;
      forEachTermWithPrefix(terms, prefix, (t) => into.push({ docs: rows.subarray(starts[t], starts[t + 1]), base, map }));
    }
  }

  /** Renumbers documents as TermPostings.compact does (`remap[old]`, -1 for removed); blocks left empty are dropped. */
  compact(remap: Int32Array): void {
    const kept: StoredBlock[] = [];
    for (const block of this.blocks) {
      const map = new Int32Array(block.rows);
      let any = false;
      for (let row = 0; row < block.rows; row++) {
        const old = block.map ? block.map[row] : block.base + row;
        map[row] = old < 0 ? -1 : remap[old];
        if (map[row] >= 0) any = true;
      }
      if (any) kept.push({ ...block, map });
    }
    this.blocks = kept;
  }

  clear(): void {
    this.blocks = [];
  }
}
