import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  asar?: boolean;
  electronFuses?: Record<string, boolean>;
  directories?: { output?: string };
}

/**
 * electron-builder's own loader and validator, as `electron-builder --config <file>` runs them:
 * `extends` is resolved and the result checked against its schema, so a misspelt fuse fails here
 * instead of being ignored by a release build nobody can run on this machine.
 */
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };

async function loadConfig(file: string): Promise<BuilderConfig> {
  const config = await getConfig(root, file, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** The fuses Electron's security checklist (item 19) asks for, with the value each must have. */
const RELEASE_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
} as const;

// Loading electron-builder's schema takes seconds on a busy machine.
describe('Electron fuses in the packaging configuration', { timeout: 60_000 }, () => {
  it('the release build sets every required fuse to its safe value and packs an asar', async () => {
    const config = await loadConfig('electron-builder.yml');
    expect(config.electronFuses).toEqual(expect.objectContaining(RELEASE_FUSES));
    expect(config.asar).toBe(true);
  });

  it('the e2e build differs from the release build only by allowing --inspect, and goes to its own folder', async () => {
    const release = await loadConfig('electron-builder.yml');
    const e2e = await loadConfig('electron-builder.e2e.yml');
    expect(e2e.electronFuses).toEqual({ ...release.electronFuses, enableNodeCliInspectArguments: true });
    expect(e2e.directories?.output).toMatch(/^release-e2e\//);
    expect(e2e.directories?.output).not.toBe(release.directories?.output);
  });

  it('a misspelt fuse is refused by the validator this test relies on', async () => {
    const config = await loadConfig('electron-builder.yml');
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('npm run dist builds with the release configuration, dist:e2e with the e2e one', () => {
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['dist']).toMatch(/--config electron-builder\.yml$/);
    expect(scripts['dist:e2e']).toMatch(/--config electron-builder\.e2e\.yml$/);
  });
});
