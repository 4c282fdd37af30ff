import { describe, expect, test } from 'vitest';
import { createTestDatabases } from '@db/test-database';
import { readSettingValue } from '@data/settings';
import { checkTeamSyncInput, readTeamSyncSettings, writeTeamSyncSettings, type TokenVault } from './sync-settings';

const openDatabase = createTestDatabases('sync-settings');
const TOKEN = 'dbr_a1b2c3d4e5_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ';
const settings = checkTeamSyncInput({ server: 'wss://sync.example.com', team: 'acme', token: TOKEN, userName: 'Ana', insecureConfirmed: false });

/** The desktop's keeping of the token as the data layer sees it (the main process encrypts; see src-main/sync-token-store.ts). */
function vault(canEncrypt: boolean): TokenVault & { kept: string | null } {
  const box = {
    kept: null as string | null,
    read: async () => ({ token: box.kept, canEncrypt }),
    write: async (token: string | null) => {
      box.kept = canEncrypt ? token : null;
      return canEncrypt;
    },
  };
  return box;
}

describe('where the team sync token is kept', () => {
  test('with a vault that encrypts, the token is never in the database and comes back on the next start', async () => {
    const database = await openDatabase();
    const keychain = vault(true);
    expect(await writeTeamSyncSettings(database, settings, keychain)).toBe('encrypted');
    expect(JSON.stringify(await readSettingValue('teamSync.settings', database))).not.toContain('dbr_');
    expect(keychain.kept).toBe(TOKEN);
    expect(await readTeamSyncSettings(database, keychain)).toEqual({ settings, keeping: 'encrypted' });
    // Turning team sync off forgets the token too.
    await writeTeamSyncSettings(database, null, keychain);
    expect(keychain.kept).toBeNull();
  });

  test('a token saved before there was a vault moves into it', async () => {
    const database = await openDatabase();
    await writeTeamSyncSettings(database, settings, null);
    expect(JSON.stringify(await readSettingValue('teamSync.settings', database))).toContain(TOKEN);
    const keychain = vault(true);
    expect(await readTeamSyncSettings(database, keychain)).toEqual({ settings, keeping: 'encrypted' });
    expect(keychain.kept).toBe(TOKEN);
    expect(JSON.stringify(await readSettingValue('teamSync.settings', database))).not.toContain('dbr_');
  });

  test('without a vault (browser) or a keychain, the token stays with the settings and is reported as plain', async () => {
    const database = await openDatabase();
    expect(await writeTeamSyncSettings(database, settings, null)).toBe('plain');
    expect(await readTeamSyncSettings(database, null)).toEqual({ settings, keeping: 'plain' });
    const noKeychain = vault(false);
    expect(await writeTeamSyncSettings(database, settings, noKeychain)).toBe('plain');
    expect(await readTeamSyncSettings(database, noKeychain)).toEqual({ settings, keeping: 'plain' });
  });

  test('a vault that can no longer decrypt gives an empty token (the server refuses it and the user enters it again)', async () => {
    const database = await openDatabase();
    const keychain = vault(true);
    await writeTeamSyncSettings(database, settings, keychain);
    keychain.kept = null;
    expect(await readTeamSyncSettings(database, keychain)).toEqual({ settings: { ...settings, token: '' }, keeping: 'encrypted' });
  });
});
