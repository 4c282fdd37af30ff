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
  token: z.string(),
  userName: z.string(),
  insecureConfirmed: z.boolean(),
});

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

export async function readTeamSyncSettings(database: DebriefDatabase): Promise<TeamSyncSettings | null> {
  return readSetting(SETTINGS_KEY, settingsSchema.nullable(), null, database);
}

/** Saves the settings; the new server origin takes effect in the CSP at the next start. */
export async function writeTeamSyncSettings(database: DebriefDatabase, settings: TeamSyncSettings | null): Promise<void> {
  await writeSetting(SETTINGS_KEY, settings, database);
  rememberSyncOrigin(settings ? parseServerAddress(settings.serverUrl).origin : null);
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
