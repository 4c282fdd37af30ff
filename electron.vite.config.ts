import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer.vite.config';

const dir = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

const renderer = rendererConfig(dir('./out/renderer'));

export default defineConfig({
  main: {
    build: {
      // Bundle zod and friends into the main file so the package ships no node_modules.
      externalizeDeps: false,
      outDir: dir('./out/main'),
      lib: { entry: dir('./src-main/index.ts'), formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: 'index.js' } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: dir('./out/preload'),
      // Sandboxed preloads run as classic scripts: CommonJS, one self-contained file.
      lib: { entry: dir('./src-main/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { format: 'cjs', entryFileNames: 'index.cjs', codeSplitting: false } },
    },
  },
  renderer: {
    ...renderer,
    build: {
      ...renderer.build,
      rolldownOptions: { input: dir('./src-renderer/index.html') },
    },
  },
});
