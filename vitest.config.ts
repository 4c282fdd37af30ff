import { defineConfig } from 'vitest/config';
import { rendererAliases } from './renderer.vite.config.ts';

export default defineConfig({
  resolve: { alias: rendererAliases },
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['src-renderer/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'src-main/**/*.test.ts', 'bench/**/*.test.ts', 'eslint-rules/**/*.test.{js,ts}', 'scripts/**/*.test.mjs'],
    environment: 'node',
    pool: 'threads',
    // Tests assert behaviour, never time: a loaded 2-core CI box can make a round trip over the
    // shipped templates take several seconds, which is not a failure.
    testTimeout: 30_000,
  },
});
