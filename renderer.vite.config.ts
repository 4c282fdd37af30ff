import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { CONTENT_SECURITY_POLICY } from './src-main/csp.ts';

const dir = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export const rendererAliases = {
  '@core': dir('./src-renderer/core'),
  '@db': dir('./src-renderer/db'),
  '@data': dir('./src-renderer/data'),
  '@editor': dir('./src-renderer/editor'),
  '@features': dir('./src-renderer/features'),
  '@platform': dir('./src-renderer/platform'),
  '@ui': dir('./src-renderer/ui'),
  '@app': dir('./src-renderer/app'),
  // The sync server's client contract (document names, refusals): pure TypeScript shared with server/.
  '@protocol': dir('./server/protocol'),
};


/**
 * The production CSP, written by a tiny first script (csp-boot.js) instead of a static meta tag:
 * it adds the team sync server the user configured (Settings → Team sync, mirrored in
 * localStorage under SYNC_ORIGIN_STORAGE_KEY) to connect-src, and nothing else. A CSP can only
 * be tightened after load, so the origin is set at boot; changing the server needs a restart.
 */
export function cspBootScript(policy: string): string {
  return `(function () {
  var origin = null;
  try { origin = localStorage.getItem('debrief.syncOrigin'); } catch (e) { origin = null; }
  if (origin && !/^wss?:\\/\\/[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^wss?:\\/\\/\\[[0-9a-fA-F:]+\\](:[0-9]{1,5})?$/.test(origin)) origin = null;
  var meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = ${JSON.stringify(policy)}.replace("connect-src 'self'", "connect-src 'self'" + (origin ? ' ' + origin : ''));
  document.head.appendChild(meta);
  if (origin) document.documentElement.dataset.syncOrigin = origin;
})();
`;
}

function cspMeta(): Plugin {
  return {
    name: 'debrief-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<!-- CSP -->', '<script src="./csp-boot.js"></script>');
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'csp-boot.js', source: cspBootScript(CONTENT_SECURITY_POLICY) });
    },
  };
}

export function rendererConfig(outDir: string): UserConfig {
  return {
    root: dir('./src-renderer'),
    base: './',
    plugins: [react(), cspMeta()],
    resolve: { alias: rendererAliases },
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: true,
      chunkSizeWarningLimit: 2000,
    },
  };
}
