import type { TimelineEvent } from '../model/event';
import { tokenise } from '../timeline/search-text';
import { ByteReader, ByteWriter, CorruptBlockError, type StringColumn } from './byte-codec';

/**
 * The search postings of one block's texts, built once when the block is written (in the import
 * worker) and stored with it, so opening a million-event incident decodes postings instead of
 * tokenising a million messages. Terms are sorted (prefix search is a binary search); each term
 * lists the rows holding it, ascending. Authors and channels are not in here: they are few and
 * can be renamed, so the timeline matches them through its dictionaries instead.
 */

const MAGIC = 0x54455244; // 'DRET'

export interface BlockTerms {
  terms: StringColumn;
  /** Rows of term t: rows[starts[t]] … rows[starts[t + 1] - 1]. */
  starts: Uint32Array;
  rows: Uint16Array;
}

/**
 * One stored block's postings with the events its rows were loaded as (row r is `rows[r]`), as
 * the timeline index takes them. A later version of an event (a pin, a renamed author) is a new
 * object: the index then tokenises that one instead.
 */
export interface EventBlockPostings {
  sourceId: string;
  rows: readonly TimelineEvent[];
  terms: BlockTerms;
}

export function encodeBlockTerms(texts: readonly string[]): Uint8Array {
  const postings = new Map<string, number[]>();
  for (let row = 0; row < texts.length; row++) {
    for (const term of tokenise(texts[row])) {
      const list = postings.get(term);
      if (list === undefined) postings.set(term, [row]);
      else if (list[list.length - 1] !== row) list.push(row);
    }
  }
  const terms = [...postings.keys()].sort();
  const starts = new Uint32Array(terms.length + 1);
  let total = 0;
  terms.forEach((term, i) => {
    total += postings.get(term)?.length ?? 0;
    starts[i + 1] = total;
  });
  const rows = new Uint16Array(total);
  terms.forEach((term, i) => rows.set(postings.get(term) ?? [], starts[i]));
  const w = new ByteWriter();
  w.u32(MAGIC);
  w.strings(terms);
  w.typed(starts);
  w.typed(rows);
  return w.finish();
}

export function decodeBlockTerms(bytes: Uint8Array): BlockTerms {
  const r = new ByteReader(bytes);
  if (r.u32() !== MAGIC) throw new CorruptBlockError('not a search index');
  const terms = r.strings();
  const starts = r.u32s();
  const rows = r.u16s();
  if (starts.length !== terms.length + 1 || starts[terms.length] !== rows.length) throw new CorruptBlockError('a search index does not add up');
  return { terms, starts, rows };
}

/** Calls `term(t)` for each of the block's terms (in order) that starts with `prefix`: a binary search in the sorted terms, then a walk. */
export function forEachTermWithPrefix(terms: StringColumn, prefix: string, term: (t: number) => void): void {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms.get(mid) < prefix) low = mid + 1;
    else high = mid;
  }
  for (let t = low; t < terms.length && terms.get(t).startsWith(prefix); t++) term(t);
}

/** Calls `visit(row)` for every row holding a word that starts with `prefix` (a row may come more than once). */
export function visitPrefix(index: BlockTerms, prefix: string, visit: (row: number) => void): void {
  const { terms, starts, rows } = index;
  forEachTermWithPrefix(terms, prefix, (t) => {
    for (let i = starts[t]; i < starts[t + 1]; i++) visit(rows[i]);
  });
}
