import table from './emoji-table.json';

/**
 * Slack emoji short names (`:rotating_light:`, `:+1::skin-tone-3:`) to their characters, from
 * emoji-datasource, the data set Slack's names come from (see scripts/emoji-table.mjs). Names
 * the table does not know are a workspace's custom emoji: they have no character and stay text.
 */
// Maps, not object lookups: `:constructor:` is a custom emoji, not Object.prototype's.
const NAMES: ReadonlyMap<string, string> = new Map(Object.entries(table.names));
const TONED: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(table.toned));

/** `skin-tone-2` … `skin-tone-6`, as Slack writes a tone after the name (`:wave::skin-tone-4:`). */
const SKIN_TONE = /^skin-tone-([2-6])$/;

/** The character(s) of a short name, with an optional `skin-tone-N`; null for custom emoji. */
export function emojiFor(name: string, tone: string | null = null): string | null {
  const base = NAMES.get(name);
  if (base === undefined) return null;
  const level = tone === null ? null : SKIN_TONE.exec(tone);
  if (!level) return base;
  return TONED.get(name)?.[Number(level[1]) - 2] ?? base;
}

export function isSkinTone(name: string): boolean {
  return SKIN_TONE.test(name);
}

/** A name as reactions store it (`+1`, `wave::skin-tone-3`); null for custom emoji. */
export function emojiForName(fullName: string): string | null {
  const [name = '', tone = null] = fullName.split('::');
  return emojiFor(name, tone);
}
