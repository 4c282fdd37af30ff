/**
 * Why the sync server refuses or closes a document: the `reason` string a HocuspocusProvider
 * receives in its `authenticationFailed` event (refused on opening) or `close` event (closed
 * later). Part of the client contract, like doc-names.ts: pure TypeScript.
 */
export const SYNC_REFUSALS = {
  /** The token is unknown, malformed or revoked. */
  invalidToken: 'invalid-token',
  /** The token belongs to another team than the document's. */
  wrongTeam: 'wrong-team',
  /** The document name is not one of the names in doc-names.ts. */
  invalidDocumentName: 'invalid-document-name',
  /** The token was revoked while the document was open. */
  tokenRevoked: 'token-revoked',
  /** The client sent an update the server could not decode; it was dropped. */
  malformedUpdate: 'malformed-update',
  /** The server is shutting down; reconnect (to another instance) shortly. */
  shuttingDown: 'server-shutting-down',
} as const;

export type SyncRefusal = (typeof SYNC_REFUSALS)[keyof typeof SYNC_REFUSALS];

/** WebSocket close codes the server uses on the whole connection. */
export const SYNC_CLOSE_CODES = {
  /** A message was larger than the server's --max-message-mb (the standard "message too big"). */
  messageTooBig: 1009,
  /** The server is going away (graceful shutdown). */
  goingAway: 1001,
} as const;
