import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncTokenStore } from './sync-token-store';
import { testSafeStorage } from './test-safe-storage';

const TOKEN = 'dbr_a1b2c3d4e5_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'debrief-sync-token-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SyncTokenStore', () => {
  it('keeps the token encrypted on disk, reads it back after a restart, and forgets it', async () => {
    const dir = tempDir();
    const keychain = testSafeStorage();
    const store = new SyncTokenStore(dir, keychain, 'darwin');
    expect(await store.read()).toEqual({ token: null, protection: 'encrypted' });
    expect(await store.write(TOKEN)).toBe('encrypted');
    const file = readFileSync(path.join(dir, 'sync-token.bin'));
    expect(file.includes(Buffer.from(TOKEN))).toBe(false);
    expect(file.includes(Buffer.from('dbr_'))).toBe(false);
    expect(await new SyncTokenStore(dir, keychain, 'darwin').read()).toEqual({ token: TOKEN, protection: 'encrypted' });
    expect(await store.write(null)).toBe('encrypted');
    expect(existsSync(path.join(dir, 'sync-token.bin'))).toBe(false);
    expect(await store.read()).toEqual({ token: null, protection: 'encrypted' });
  });

  it('keeps nothing where the computer cannot encrypt, and removes what an earlier start kept', async () => {
    const dir = tempDir();
    const keychain = testSafeStorage();
    await new SyncTokenStore(dir, keychain, 'win32').write(TOKEN);
    const none = new SyncTokenStore(dir, testSafeStorage({ available: false }), 'win32');
    expect(await none.read()).toEqual({ token: null, protection: 'unavailable' });
    expect(await none.write(TOKEN)).toBe('unavailable');
    expect(existsSync(path.join(dir, 'sync-token.bin'))).toBe(false);
  });

  it('does not call a fixed-key obfuscation encrypted (Linux without a keyring)', async () => {
    const dir = tempDir();
    const store = new SyncTokenStore(dir, testSafeStorage({ backend: 'basic_text' }), 'linux');
    expect(await store.write(TOKEN)).toBe('unavailable');
    expect(existsSync(path.join(dir, 'sync-token.bin'))).toBe(false);
    expect(await new SyncTokenStore(tempDir(), testSafeStorage({ backend: 'kwallet6' }), 'linux').write(TOKEN)).toBe('encrypted');
  });

  it('reads no token from a file another keychain encrypted or that is damaged, and re-encrypts after a key rotation', async () => {
    const dir = tempDir();
    await new SyncTokenStore(dir, testSafeStorage(), 'darwin').write(TOKEN);
    expect(await new SyncTokenStore(dir, testSafeStorage(), 'darwin').read()).toEqual({ token: null, protection: 'encrypted' });
    writeFileSync(path.join(dir, 'sync-token.bin'), 'garbage');
    expect((await new SyncTokenStore(dir, testSafeStorage(), 'darwin').read()).token).toBeNull();

    const keychain = testSafeStorage();
    const store = new SyncTokenStore(dir, keychain, 'darwin');
    await store.write(TOKEN);
    const before = readFileSync(path.join(dir, 'sync-token.bin'));
    keychain.rotate();
    expect((await store.read()).token).toBe(TOKEN);
    expect(readFileSync(path.join(dir, 'sync-token.bin')).equals(before)).toBe(false);
  });
});
