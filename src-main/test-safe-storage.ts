import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageLike } from './sync-token-store';

/**
 * For tests: Electron's safeStorage as the main process sees it, outside Electron. It really
 * encrypts (AES-256-GCM with a key per instance, standing in for the user's keychain), so a
 * test can check that nothing readable reaches the disk and that another keychain cannot read it.
 */
export function testSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike & { rotate(): void } {
  const key = randomBytes(32);
  let rotated = false;
  return {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    async encryptStringAsync(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decryptStringAsync(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const result = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: rotated };
    },
    rotate() {
      rotated = true;
    },
  };
}
