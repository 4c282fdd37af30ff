// Rewrites the README's keyboard-shortcut list from the catalog (src-renderer/ui/shortcuts/catalog.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withShortcutsTable } from '../src-renderer/ui/shortcuts/readme-table';

const path = join(import.meta.dirname, '..', 'README.md');
writeFileSync(path, withShortcutsTable(readFileSync(path, 'utf8')));
