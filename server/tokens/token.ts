import { createHash, randomBytes } from 'node:crypto';

/**
 * Access tokens. A token is `dbr_<id>_<secret>`: the id (public, shown by `token list` and used by
 * `token revoke`) and 32 random bytes. The server stores only the SHA-256 of the whole token; a
 * plain hash is enough because the secret is random, not a password a person chose.
 */
const TOKEN_PATTERN = /^dbr_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

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

/** True when `token` has the shape of a Debrief token (checked before any database look-up). */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
