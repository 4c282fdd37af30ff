import type { Page } from '@playwright/test';

interface Startup {
  libraryShownAt: number;
  cleanupEndedAt: number;
  cleanedImports: number;
}

/** From the first script on: notes when the library first shows an incident titled `title`. */
export async function watchStartup(page: Page, title: string): Promise<void> {
  await page.addInitScript((wanted) => {
    const record = { libraryShownAt: Infinity };
    (window as unknown as { startup: typeof record }).startup = record;
    const check = () => {
      if (record.libraryShownAt === Infinity && document.body.textContent?.includes(wanted)) record.libraryShownAt = performance.now();
    };
    document.addEventListener('DOMContentLoaded', () => new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true }));
  }, title);
}

/** When the library showed, and when (and with how many imports) the start-up clean-up ended. */
export async function startup(page: Page): Promise<Startup> {
  return page.evaluate(() => {
    const end = performance.getEntriesByName('debrief:import-cleanup:end')[0] as PerformanceMark | undefined;
    const { libraryShownAt } = (window as unknown as { startup: { libraryShownAt: number } }).startup;
    return { libraryShownAt, cleanupEndedAt: end?.startTime ?? NaN, cleanedImports: (end?.detail as { imports?: number } | null)?.imports ?? 0 };
  });
}

/** The library's import rows and the source id of every event block, read straight from IndexedDB. */
function readImports(page: Page): Promise<{ sources: { id: string; state: string; fileName: string }[]; blockSources: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('debrief');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['sources', 'eventBlocks'], 'readonly');
          const sources = tx.objectStore('sources').getAll();
          const blocks = tx.objectStore('eventBlocks').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              sources: (sources.result as { id: string; state: string; fileName: string }[]).map(({ id, state, fileName }) => ({ id, state, fileName })),
              blockSources: (blocks.result as { sourceId: string }[]).map((b) => b.sourceId),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Every import row in the library's database and how many event blocks belong to no such row. */
export async function storedImports(page: Page): Promise<{ sources: { state: string; fileName: string }[]; blocksOfOtherSources: number }> {
  const { sources, blockSources } = await readImports(page);
  const ids = new Set(sources.map((s) => s.id));
  return { sources: sources.map(({ state, fileName }) => ({ state, fileName })), blocksOfOtherSources: blockSources.filter((id) => !ids.has(id)).length };
}

/** How many event blocks an import still staging has on disk: what a crash now would leave behind. */
export async function stagedBlocks(page: Page): Promise<number> {
  const { sources, blockSources } = await readImports(page);
  const staging = new Set(sources.filter((s) => s.state === 'staging').map((s) => s.id));
  return blockSources.filter((id) => staging.has(id)).length;
}
