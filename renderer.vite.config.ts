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
};


function cspMeta(): Plugin {
  return {
    name: 'debrief-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<!-- CSP -->',
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
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
