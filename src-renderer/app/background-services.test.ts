import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Background services run once per window: each is started in one place, the app shell
 * (app/App.tsx), never by a screen that mounts and unmounts (a second notifier checked again
 * on every visit to a screen; a second sync start would open a second connection).
 */
const SERVICES = ['<ActionItemNotifier', 'useAbandonedImportCleanup(', 'useTeamSyncService(', 'teamSync.addCompanion(', '<MentionsInbox'];

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('background services', () => {
  const files = sourceFiles(root).map((path) => ({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));

  it.each(SERVICES)('%s is started once, in the app shell', (service) => {
    // Uses only: a hook's own definition (`function useX(`) is not a start.
    const uses = files.flatMap(({ path, text }) => text.replaceAll(`function ${service}`, '').split(service).slice(1).map(() => path));
    expect(uses).toEqual(['app/App.tsx']);
  });
});
