import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';
import { DesktopError } from './ipc-errors';
import type { SyncTokenProtection, SyncTokenState } from './preload/desktop-api';

const FILE_NAME = 'sync-token.bin';

/** The parts of Electron's safeStorage the store uses (the asynchronous API; the synchronous one is deprecated). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which keyring backs the encryption. */
  getSelectedStorageBackend(): string;
}

/**
 * The team sync access token, kept encrypted with the operating system's keychain (Electron
 * safeStorage: Keychain on macOS, DPAPI on Windows, libsecret/KWallet on Linux) in one file of
 * the profile folder; the renderer keeps the rest of the settings. Where the computer offers no
 * keychain nothing is kept here and the renderer falls back to its own storage, saying so.
 */
export class SyncTokenStore {
  private readonly file: string;

  constructor(
    dir: string,
    private readonly safe: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.file = path.join(dir, FILE_NAME);
  }

  async protection(): Promise<SyncTokenProtection> {
    if (!(await this.safe.isAsyncEncryptionAvailable())) return 'unavailable';
    // Without a keyring Chromium "encrypts" with a fixed, public key: that is no protection.
    if (this.platform === 'linux' && this.safe.getSelectedStorageBackend() === 'basic_text') return 'unavailable';
    return 'encrypted';
  }

  async read(): Promise<SyncTokenState> {
    const protection = await this.protection();
    if (protection !== 'encrypted') return { token: null, protection };
    let encrypted: Buffer;
    try {
      encrypted = await readFile(this.file);
    } catch {
      return { token: null, protection }; // none kept yet
    }
    try {
      const { result, shouldReEncrypt } = await this.safe.decryptStringAsync(encrypted);
      if (shouldReEncrypt) await this.write(result);
      return { token: result, protection };
    } catch {
      // Encrypted by another user or keychain (a copied profile): the user enters the token again.
      return { token: null, protection };
    }
  }

  async write(token: string | null): Promise<SyncTokenProtection> {
    const protection = await this.protection();
    if (token === null || protection !== 'encrypted') {
      // Nothing may stay behind that the settings no longer point to.
      await rm(this.file, { force: true });
      return protection;
    }
    try {
      await writeFileAtomic(this.file, await this.safe.encryptStringAsync(token));
    } catch (error) {
      throw new DesktopError('FILE_WRITE_FAILED', `Could not keep the team sync token: ${(error as Error).message}`, { cause: error });
    }
    return protection;
  }
}
