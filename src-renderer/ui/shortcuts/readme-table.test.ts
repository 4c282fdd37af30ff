import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS, type ShortcutDef } from './catalog';
import { shortcutsMarkdown, withShortcutsTable } from './readme-table';

const README = join(import.meta.dirname, '..', '..', '..', 'README.md');

describe('the README', () => {
  it('lists every keyboard shortcut in the catalog (regenerate with npm run shortcuts:readme)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withShortcutsTable(readme)).toBe(readme);
    for (const def of Object.values(SHORTCUTS) as ShortcutDef[]) if (def.keys.length > 0) expect(shortcutsMarkdown()).toContain(def.label.slice(1));
  });
});
