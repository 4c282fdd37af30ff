import { defineConfig } from 'vitest/config';
import { rendererAliases } from './renderer.vite.config.ts';

export default defineConfig({
  resolve: { alias: rendererAliases },
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    include: ['src-renderer/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'src-main/**/*.test.ts', 'bench/**/*.test.ts', 'eslint-rules/**/*.test.{js,ts}'],
    environment: 'node',
    pool: 'threads',
  },
});
