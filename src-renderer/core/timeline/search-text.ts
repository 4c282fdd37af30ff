/**
 * The one normalisation shared by the search index, the fallback matcher and highlighting, so
 * that what is found is exactly what is highlighted: lower-case, then NFD with combining marks
 * removed ("Élan" → "elan"), words = maximal runs of letters and digits, a query word matches
 * any word it is a prefix of.
 */

const COMBINING_MARKS = /\p{M}/gu;
// Most chat text is ASCII: skipping NFD for it roughly halves indexing time on 100k events.
const NON_ASCII = /[^ -~\s]/;
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/**
 * Lower-case before NFD so characters like "İ" whose lower form gains a mark lose it too.
 * Final sigma is folded into σ because lower-casing one character alone (as highlighting
 * does) never produces ς.
 */
export function normaliseForSearch(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(/ς/g, 'σ');
}

const ASCII_WORD_SPLIT = /[^a-z0-9]+/;

export function tokenise(text: string): string[] {
  // The Unicode-aware split is several times slower; ASCII text gives the same words without it.
  const words = NON_ASCII.test(text) ? normaliseForSearch(text).split(WORD_SPLIT) : text.toLowerCase().split(ASCII_WORD_SPLIT);
  return words.filter((word) => word.length > 0);
}

/** Query words, normalised and de-duplicated. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenise(query))];
}

/** Every query word is a prefix of some word of the text (AND), as the index answers. */
export function matchesQuery(text: string, query: string): boolean {
  const terms = queryTerms(query);
  if (terms.length === 0) return true;
  const words = tokenise(text);
  return terms.every((term) => words.some((word) => word.startsWith(term)));
}
