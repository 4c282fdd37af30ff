/**
 * The shape of an access token, `dbr_<id>_<secret>`: the id (public, shown by `token list` and
 * used by `token revoke`) and 32 random bytes in base64url. Part of the client contract: the app
 * checks what a user pasted before it connects. Pure TypeScript, like doc-names.ts.
 */
export const TOKEN_PATTERN = /^dbr_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/** True when `token` has the shape of a Debrief token (checked before any database look-up). */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
