/**
 * The term dictionary of the timeline index: each distinct word maps to the ascending list of
 * document numbers containing it. No positions or frequencies are kept because hits are shown
 * in time order, never ranked, which keeps both the build and the memory small.
 */
export class TermPostings {
  private readonly postings = new Map<string, number[]>();
  // Distinct terms in code-unit order for prefix lookup by binary search; rebuilt lazily because
  // an import adds terms in bursts and only the next query needs them sorted.
  private sorted: string[] | null = [];

  /** Documents must be added with increasing numbers; repeated terms of one document count once. */
  add(doc: number, terms: readonly string[]): void {
    for (const term of terms) {
      const list = this.postings.get(term);
      if (list === undefined) {
        this.postings.set(term, [doc]);
        this.sorted = null;
      } else if (list[list.length - 1] !== doc) {
        list.push(doc);
      }
    }
  }

  /** Sorts the terms now rather than on the next prefix look-up. */
  prepare(): void {
    this.sortedTerms();
  }

  /** Postings of every term that starts with `prefix`. */
  withPrefix(prefix: string): number[][] {
    const terms = this.sortedTerms();
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const lists: number[][] = [];
    for (let i = lo; i < terms.length && terms[i].startsWith(prefix); i++) {
      const list = this.postings.get(terms[i]);
      if (list !== undefined) lists.push(list);
    }
    return lists;
  }

  /**
   * Renumbers documents after removals: `remap[old]` is the new number, or -1 for a removed
   * document. The mapping must preserve order so the lists stay ascending without sorting.
   */
  compact(remap: Int32Array): void {
    for (const [term, list] of this.postings) {
      let kept = 0;
      for (const doc of list) {
        const next = remap[doc];
        if (next >= 0) list[kept++] = next;
      }
      if (kept === 0) {
        this.postings.delete(term);
        this.sorted = null;
      } else {
        list.length = kept;
      }
    }
  }

  clear(): void {
    this.postings.clear();
    this.sorted = [];
  }

  get termCount(): number {
    return this.postings.size;
  }

  private sortedTerms(): string[] {
    if (this.sorted === null) this.sorted = [...this.postings.keys()].sort();
    return this.sorted;
  }
}
