import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { rendererConfig } from './renderer.vite.config.ts';

export default defineConfig({
  // WEB_OUT_DIR lets parallel test runs build into separate folders.
  ...rendererConfig(process.env.WEB_OUT_DIR ?? fileURLToPath(new URL('./dist-web', import.meta.url))),
  preview: { host: '127.0.0.1', port: 4178, strictPort: false },
});
