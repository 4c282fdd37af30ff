import { test as base, expect } from '@playwright/test';

export interface NetworkLog {
  /** Every request the page made to a host other than the local server. */
  external: string[];
}

/** Each test gets a fresh browser context (empty IndexedDB) and a log of outside requests. */
export const test = base.extend<{ network: NetworkLog }>({
  network: async ({ page }, use) => {
    const log: NetworkLog = { external: [] };
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (!local && !['data:', 'blob:'].includes(url.protocol)) log.external.push(request.url());
    });
    await use(log);
  },
});

export { expect };
