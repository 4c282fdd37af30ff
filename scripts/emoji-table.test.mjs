import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const data = JSON.parse(readFileSync(require.resolve('emoji-datasource/emoji.json'), 'utf8'));
const table = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'src-renderer', 'core', 'chat-text', 'emoji-table.json'), 'utf8'));
const chars = (unified) => String.fromCodePoint(...unified.split('-').map((hex) => parseInt(hex, 16)));
const TONES = ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'];

describe('emoji table (core/chat-text/emoji-table.json)', () => {
  it('matches the installed emoji-datasource for every short name and skin tone; regenerate with node scripts/emoji-table.mjs', () => {
    const owners = new Map();
    for (const emoji of data) for (const name of emoji.short_names) owners.set(name, (owners.get(name) ?? 0) + 1);
    let checked = 0;
    for (const emoji of data) {
      for (const name of emoji.short_names) {
        if (owners.get(name) > 1) continue;
        expect(table.names[name], name).toBe(chars(emoji.unified));
        const variations = emoji.skin_variations ?? {};
        if (TONES.every((tone) => variations[tone])) expect(table.toned[name], name).toEqual(TONES.map((tone) => chars(variations[tone].unified)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1800);
    expect(Object.keys(table.names).length).toBe(owners.size);
  });
});
