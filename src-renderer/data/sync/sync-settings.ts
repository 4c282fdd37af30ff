import { z } from 'zod';
import { TEAM_ID_PATTERN } from '@protocol/doc-names';
import { isWellFormedToken } from '@protocol/token-shape';
import { newId } from '@core/ids';
import type { DebriefDatabase } from '@db/schema';
import { readSetting, writeSetting } from '@data/settings';
import { parseServerAddress } from './server-address';
import { SyncError } from './sync-error';

/** Settings → Team sync: where this app's team server is and how it signs in. */
export interface TeamSyncSettings {
  /** Normalised WebSocket URL (parseServerAddress). */
  serverUrl: string;
  team: string;
  token: string;
  /** Shown to teammates next to what this person changed (history, presence). */
  userName: string;
  /** The user confirmed plain ws:// to a host other than this computer. */
  insecureConfirmed: boolean;
}

const SETTINGS_KEY = 'teamSync.settings';
const DEVICE_KEY = 'teamSync.device';
/**
 * The server origin the Content Security Policy allows, read synchronously at boot
 * (public/csp-boot.js) before any script of the app runs; IndexedDB is too late for that.
 */
export const SYNC_ORIGIN_STORAGE_KEY = 'debrief.syncOrigin';

const settingsSchema = z.object({
  serverUrl: z.string(),
  team: z.string().regex(TEAM_ID_PATTERN),
  /** Empty when the token is in the vault. */
  token: z.string(),
  userName: z.string(),
  insecureConfirmed: z.boolean(),
  /** The token is kept encrypted by the desktop app (TokenVault), not here. */
  tokenInVault: z.boolean().optional(),
});

/**
 * Where the desktop app keeps the token encrypted by the operating system (the platform's
 * syncTokenVault: Electron safeStorage in the main process). The browser build has none.
 */
export interface TokenVault {
  /** The kept token (null: none, or no longer decryptable) and whether this computer can encrypt. */
  read(): Promise<{ token: string | null; canEncrypt: boolean }>;
  /** Keeps the token encrypted (null forgets it); false when this computer cannot encrypt (nothing kept then). */
  write(token: string | null): Promise<boolean>;
}

/** How this computer keeps the token: encrypted by the operating system, or as plain app data. */
export type TokenKeeping = 'encrypted' | 'plain';

export interface StoredTeamSync {
  settings: TeamSyncSettings | null;
  keeping: TokenKeeping;
}

export interface TeamSyncInput {
  server: string;
  team: string;
  token: string;
  userName: string;
  insecureConfirmed: boolean;
}

/** Checks what the user typed; throws a SyncError naming the field. */
export function checkTeamSyncInput(input: TeamSyncInput): TeamSyncSettings {
  const address = parseServerAddress(input.server);
  if (address.insecure && !input.insecureConfirmed) {
    throw new SyncError(
      'INSECURE_ADDRESS',
      `${address.url} is plain ws:// to another computer: your token and edits would travel unencrypted. Use wss:// (see "Behind a TLS reverse proxy"), or confirm that this network is trusted.`,
      'server',
    );
  }
  const team = input.team.trim().toLowerCase();
  if (!TEAM_ID_PATTERN.test(team)) {
    throw new SyncError('INVALID_TEAM', 'The team id is the one your token was created for: lower-case letters, digits and dashes (e.g. acme).', 'team');
  }
  const token = input.token.trim();
  if (!isWellFormedToken(token)) {
    throw new SyncError('INVALID_TOKEN', 'That is not a Debrief access token: it starts with dbr_ and is printed by "npm run server -- token create".', 'token');
  }
  return { serverUrl: address.url, team, token, userName: input.userName.trim(), insecureConfirmed: address.insecure && input.insecureConfirmed };
}

/**
 * The saved settings with the token, and how the token is kept. A token an earlier version (or a
 * computer without a keychain) saved with the settings moves into the vault once there is one.
 */
export async function readTeamSyncSettings(database: DebriefDatabase, vault: TokenVault | null = null): Promise<StoredTeamSync> {
  const stored = await readSetting(SETTINGS_KEY, settingsSchema.nullable(), null, database);
  const kept = vault ? await vault.read() : { token: null, canEncrypt: false };
  const keeping: TokenKeeping = kept.canEncrypt ? 'encrypted' : 'plain';
  if (!stored) return { settings: null, keeping };
  const { tokenInVault, ...settings } = stored;
  // Unreadable now (another keychain): empty, the server refuses it and the user enters it again.
  if (tokenInVault) return { settings: { ...settings, token: kept.token ?? '' }, keeping };
  if (kept.canEncrypt && settings.token) return { settings, keeping: await writeTeamSyncSettings(database, settings, vault) };
  return { settings, keeping };
}

/** Saves the settings (the token in the vault when it can encrypt); the new server origin takes effect in the CSP at the next start. */
export async function writeTeamSyncSettings(database: DebriefDatabase, settings: TeamSyncSettings | null, vault: TokenVault | null = null): Promise<TokenKeeping> {
  const encrypted = vault ? await vault.write(settings?.token ?? null) : false;
  await writeSetting(SETTINGS_KEY, settings && encrypted ? { ...settings, token: '', tokenInVault: true } : settings, database);
  rememberSyncOrigin(settings ? parseServerAddress(settings.serverUrl).origin : null);
  return encrypted ? 'encrypted' : 'plain';
}

/** True when the page was started with a CSP that allows this server (else a restart is needed). */
export function syncOriginAllowedAtBoot(serverUrl: string): boolean {
  const allowed = document.documentElement.dataset.syncOrigin ?? '';
  // No CSP at all (development server): everything is allowed.
  if (!document.querySelector('meta[http-equiv="Content-Security-Policy"]')) return true;
  return allowed === parseServerAddress(serverUrl).origin;
}

/**
 * Writes the configured server's origin again where the next start's CSP reads it. A crash can
 * lose it (the browser writes localStorage lazily) while the settings in IndexedDB survive.
 */
export function rememberServerOrigin(serverUrl: string): void {
  rememberSyncOrigin(parseServerAddress(serverUrl).origin);
}

function rememberSyncOrigin(origin: string | null): void {
  try {
    if (origin) localStorage.setItem(SYNC_ORIGIN_STORAGE_KEY, origin);
    else localStorage.removeItem(SYNC_ORIGIN_STORAGE_KEY);
  } catch {
    // Storage disabled: the CSP keeps refusing the server and the status chip says so.
  }
}

/** A random id for this app's writes in shared documents (never the token or a person's name). */
export async function deviceId(database: DebriefDatabase): Promise<string> {
  const existing = await readSetting(DEVICE_KEY, z.string().min(1).nullable(), null, database);
  if (existing) return existing;
  const id = newId();
  await writeSetting(DEVICE_KEY, id, database);
  return id;
}
