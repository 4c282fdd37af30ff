/**
 * @mentions in comment text. A person is their Team sync name ("Ana", "Ben Ortiz"): "@Ana" and
 * "@Ben Ortiz" mention them. Names the writer's app knows (teammates present, earlier commenters)
 * may hold spaces; any other "@Word" mentions the one-word name it spells.
 */

const NAME_END = /[\p{L}\p{N}_-]/u;
/** Text just before an "@" that makes it part of a word (an e-mail address), not a mention. */
const NAME_BEFORE = /[\p{L}\p{N}_.+-]/u;

/** The names `text` mentions, each once, in the order they first appear. */
export function mentionedNames(text: string, known: readonly string[]): string[] {
  const found: Array<{ at: number; name: string }> = [];
  const lower = text.toLocaleLowerCase();
  const taken = new Set<number>();
  // Longest first: "@Ben Ortiz" is Ben Ortiz, not Ben.
  const names = [...new Set(known.map((name) => name.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const needle = `@${name.toLocaleLowerCase()}`;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      const after = text.charAt(at + needle.length);
      const before = text.charAt(at - 1);
      if (taken.has(at) || (after !== '' && NAME_END.test(after)) || (before !== '' && NAME_BEFORE.test(before))) continue;
      taken.add(at);
      found.push({ at, name });
    }
  }
  for (const match of text.matchAll(/(?<![\p{L}\p{N}_.+-])@([\p{L}\p{N}_-]+)/gu)) {
    if (match.index === undefined || taken.has(match.index)) continue;
    found.push({ at: match.index, name: match[1] ?? '' });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.name)
    .filter((name) => {
      const key = name.toLocaleLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Whether `mentions` (as stored with a comment) names `person`, whatever the letter case. */
export function mentionsPerson(mentions: readonly string[], person: string): boolean {
  const wanted = person.trim().toLocaleLowerCase();
  return wanted !== '' && mentions.some((name) => name.trim().toLocaleLowerCase() === wanted);
}

/** The "@query" being typed just before the caret, or null. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - (match[2]?.length ?? 0) - 1, query: match[2] ?? '' };
}
