import { SCOPE_TITLES, SHORTCUTS, type ShortcutDef, type ShortcutScope } from './catalog';
import { formatShortcut } from './keys';

export const README_START = '<!-- shortcuts:start (generated from src-renderer/ui/shortcuts/catalog.ts: npm run shortcuts:readme) -->';
export const README_END = '<!-- shortcuts:end -->';

const readmeKey = (key: string) =>
  formatShortcut(key, false)
    .replace(/^Ctrl\+/, 'Ctrl/Cmd+')
    .split('+')
    .map((part) => `<kbd>${part === '|' ? '\\|' : part}</kbd>`)
    .join('+');

/** The README's list of every keyboard shortcut, grouped as the "?" sheet groups them. */
export function shortcutsMarkdown(): string {
  const defs = Object.values(SHORTCUTS) as ShortcutDef[];
  const lines: string[] = [];
  for (const scope of Object.keys(SCOPE_TITLES) as ShortcutScope[]) {
    const here = defs.filter((d) => d.scope === scope && d.keys.length > 0);
    if (here.length === 0) continue;
    lines.push(`- **${SCOPE_TITLES[scope]}:** ${here.map((d) => `${d.keys.map(readmeKey).join(' or ')} ${d.label.charAt(0).toLowerCase()}${d.label.slice(1)}`).join('; ')}.`);
  }
  return [README_START, ...lines, README_END].join('\n');
}

/** Replaces the generated block in the README's text. */
export function withShortcutsTable(readme: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end === -1) throw new Error('README has no shortcuts block');
  return readme.slice(0, start) + shortcutsMarkdown() + readme.slice(end + README_END.length);
}
