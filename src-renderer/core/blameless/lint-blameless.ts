import { BLAMELESS_RULES, type BlamelessRule } from './blameless-rules';
import { quotedRanges, type TextRange } from './quoted-ranges';
import { fnv1aHex } from './text-hash';

export interface BlamelessFinding {
  /** ruleId:hash-of-matched-text:occurrence — survives edits elsewhere in the text, so dismissals stick. */
  id: string;
  ruleId: string;
  /** UTF-16 offsets into the text that was checked; `end` is exclusive. */
  start: number;
  end: number;
  match: string;
  message: string;
  suggestion: string;
}

export interface LintBlamelessOptions {
  /** Display names of the people in the incident; a name followed by a failure verb is flagged. */
  people: readonly string[];
  /** Defaults to the shipped rules. */
  rules?: readonly BlamelessRule[];
}

// \b is ASCII-only in JS, so "café" or "Zoë" would break words in the wrong place.
const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Curly and modifier apostrophes become ASCII ones; each is one UTF-16 unit, so offsets still line up. */
function normalizeApostrophes(text: string): string {
  return text.replace(/[\u2018\u2019\u02BC\u2032]/g, "'");
}

/** Full names plus the given name of multi-word names: reviews usually say "Alice", not "Alice Smith". */
function nameVariants(people: readonly string[]): string[] {
  const names = new Set<string>();
  for (const person of people) {
    const name = normalizeApostrophes(person.trim().replace(/^@/, '')).replace(/\s+/g, ' ');
    if (name.length < 2) continue;
    names.add(name);
    const given = name.split(' ')[0] ?? '';
    if (given.length >= 2) names.add(given);
  }
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

function ruleRegex(rule: BlamelessRule, people: readonly string[]): RegExp | null {
  if (rule.kind === 'pattern') return new RegExp(`${BEFORE}(?:${rule.pattern})${AFTER}`, 'giu');
  const names = nameVariants(people);
  if (names.length === 0) return null;
  const nameAlt = names.map((n) => escapeRegex(n).replace(/ /g, '\\s+')).join('|');
  const modifiers = rule.modifiers.length > 0 ? `(?:(?:${rule.modifiers.join('|')})\\s+)*` : '';
  return new RegExp(`${BEFORE}@?(?:${nameAlt})\\s+${modifiers}(?:${rule.verbs.join('|')})${AFTER}`, 'giu');
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}

function matchKey(match: string): string {
  return fnv1aHex(normalizeApostrophes(match).toLowerCase().replace(/\s+/g, ' '));
}

/**
 * Flags blaming language. Matching is case-insensitive and whole-word ("carelessness" is flagged
 * as a form of "careless"; "blameless" is not a form of "blame"). Text in quotes, inline code and
 * blockquotes is skipped. Where two rules match overlapping text, the earlier, longer match wins.
 */
export function lintBlameless(text: string, options: LintBlamelessOptions): BlamelessFinding[] {
  const rules = options.rules ?? BLAMELESS_RULES;
  const haystack = normalizeApostrophes(text);
  const quotes = quotedRanges(haystack);

  const candidates: { start: number; end: number; order: number; rule: BlamelessRule }[] = [];
  rules.forEach((rule, order) => {
    const regex = ruleRegex(rule, options.people);
    if (!regex) return;
    for (const m of haystack.matchAll(regex)) {
      const range = { start: m.index, end: m.index + m[0].length };
      if (range.end === range.start || quotes.some((q) => overlaps(q, range))) continue;
      candidates.push({ ...range, order, rule });
    }
  });
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);

  const findings: BlamelessFinding[] = [];
  const occurrences = new Map<string, number>();
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    lastEnd = c.end;
    const match = text.slice(c.start, c.end);
    const key = `${c.rule.id}:${matchKey(match)}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    findings.push({
      id: `${key}:${occurrence}`,
      ruleId: c.rule.id,
      start: c.start,
      end: c.end,
      match,
      message: c.rule.explanation,
      suggestion: c.rule.suggestion,
    });
  }
  return findings;
}

/** Hides findings the user dismissed (ids stored in `dismissedFindings` on annotations and documents). */
export function withoutDismissed(findings: readonly BlamelessFinding[], dismissed: readonly string[]): BlamelessFinding[] {
  if (dismissed.length === 0) return [...findings];
  const hidden = new Set(dismissed);
  return findings.filter((f) => !hidden.has(f.id));
}
