import { defineConfig } from '@playwright/test';

// E2E_PORT (with WEB_OUT_DIR for the build) lets parallel runs use their own server.
const PORT = Number(process.env.E2E_PORT ?? 4179);

/**
 * End-to-end tests drive the web build in Debian's Chromium (Playwright's own browser
 * downloads are not available here). Desktop-shell specs use `_electron` and skip where the
 * Electron binary is missing.
 */
export default defineConfig({
  testDir: 'e2e',
  // Generous limits: several people share a 2-core box; the tests assert behaviour, never time.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node scripts/web.mjs --no-build --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
  },
});
