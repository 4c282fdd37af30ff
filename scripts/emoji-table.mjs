/**
 * Writes src-renderer/core/chat-text/emoji-table.json from emoji-datasource (the data set Slack's
 * own short names come from), keeping only what the renderer needs: each short name's
 * characters and, for emoji that take a skin tone, the five toned forms. The full data set is
 * 1.3 MB of JSON; the table is a few dozen kB. Run after upgrading emoji-datasource:
 *   node scripts/emoji-table.mjs
 * core/chat-text/emoji.test.ts checks the table against the installed data set.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const data = JSON.parse(readFileSync(require.resolve('emoji-datasource/emoji.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(require.resolve('emoji-datasource/package.json'), 'utf8'));

/** Slack's `::skin-tone-2:` … `::skin-tone-6:` are the Fitzpatrick modifiers in this order. */
const TONES = ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'];
const chars = (unified) => String.fromCodePoint(...unified.split('-').map((hex) => parseInt(hex, 16)));

const names = {};
const toned = {};
for (const emoji of [...data].sort((a, b) => a.sort_order - b.sort_order)) {
  const char = chars(emoji.unified);
  const variations = emoji.skin_variations ?? {};
  const tones = TONES.map((tone) => variations[tone]?.unified);
  for (const name of emoji.short_names) {
    names[name] = char;
    if (tones.every(Boolean)) toned[name] = tones.map(chars);
  }
}

const out = join(import.meta.dirname, '..', 'src-renderer', 'core', 'chat-text', 'emoji-table.json');
writeFileSync(out, JSON.stringify({ source: `emoji-datasource ${version}`, names, toned }) + '\n');
console.log(`wrote ${Object.keys(names).length} short names (${Object.keys(toned).length} with skin tones) to ${out}`);
