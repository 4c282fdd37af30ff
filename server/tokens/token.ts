import { createHash, randomBytes } from 'node:crypto';

/**
 * Access tokens (their shape: protocol/token-shape.ts). The server stores only the SHA-256 of the
 * whole token; a plain hash is enough because the secret is random, not a password a person chose.
 */
export { isWellFormedToken } from '../protocol/token-shape.ts';

export interface NewToken {
  id: string;
  token: string;
  hash: string;
}

export function generateToken(): NewToken {
  const id = randomBytes(8).toString('hex').slice(0, 10);
  const token = `dbr_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
