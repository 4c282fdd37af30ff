// Loads a project TypeScript module from Node through Vite's SSR loader (Node 20 cannot run TS).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, loadConfigFromFile } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Imports `path` (relative to the repository root) and returns its exports and a close function. */
export async function loadTs(path) {
  const rendererAliases = await projectAliases();
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    resolve: { alias: rendererAliases },
    // No WebSocket server: nothing is served, and parallel benches would fight over its port.
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const module = await server.ssrLoadModule(`/${path}`);
  return { module, close: () => server.close() };
}

/** The renderer's path aliases (@core, @db, @features…), read from the project's Vite config. */
export async function projectAliases() {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(root, 'vite.web.config.ts'), root, 'error');
  return loaded?.config.resolve?.alias ?? {};
}
