import type { Extension, Hocuspocus, onAuthenticatePayload } from '@hocuspocus/server';
import type { Logger } from '../log/logger.ts';
import { parseSyncDocName, type SyncRole } from '../protocol/doc-names.ts';
import { SYNC_REFUSALS } from '../protocol/refusals.ts';
import type { SyncStore } from '../store/sync-store.ts';
import { hashToken, isWellFormedToken } from '../tokens/token.ts';
import { refusal } from './refusal.ts';

/** What an authenticated document connection carries in its Hocuspocus context. */
export interface AuthContext {
  tokenId: string;
  team: string;
  role: SyncRole;
}

/** Recording "last used" at most this often per token keeps look-ups free of writes. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Every document a connection opens is authenticated on its own (Hocuspocus sends one auth
 * message per document): the token must exist, be unrevoked, and belong to the document's team.
 * A viewer's connection is read-only, so Hocuspocus itself refuses to apply its updates.
 */
export class TokenAuthExtension implements Extension {
  extensionName = 'TokenAuth';
  private readonly lastTouched = new Map<string, number>();

  constructor(
    private readonly store: SyncStore,
    private readonly log: Logger,
  ) {}

  async onAuthenticate({ token, documentName, connectionConfig, socketId }: onAuthenticatePayload): Promise<AuthContext> {
    const doc = parseSyncDocName(documentName);
    if (!doc) {
      this.log.warn('document refused', { doc: documentName, socket: socketId, reason: SYNC_REFUSALS.invalidDocumentName });
      throw refusal(SYNC_REFUSALS.invalidDocumentName);
    }
    const record = isWellFormedToken(token) ? await this.store.findActiveToken(hashToken(token)) : null;
    if (!record) {
      this.log.warn('document refused', { doc: documentName, socket: socketId, reason: SYNC_REFUSALS.invalidToken });
      throw refusal(SYNC_REFUSALS.invalidToken, 4401);
    }
    if (record.team !== doc.team) {
      this.log.warn('document refused', { doc: documentName, socket: socketId, tokenId: record.id, team: record.team, reason: SYNC_REFUSALS.wrongTeam });
      throw refusal(SYNC_REFUSALS.wrongTeam);
    }
    connectionConfig.readOnly = record.role === 'viewer';
    this.touch(record.id);
    this.log.info('document opened', { doc: documentName, socket: socketId, tokenId: record.id, role: record.role });
    return { tokenId: record.id, team: record.team, role: record.role };
  }

  /**
   * Closes the open documents of tokens revoked since they were opened (by `token revoke`, maybe
   * on another instance). Called periodically by the server.
   */
  async closeRevoked(hocuspocus: Hocuspocus): Promise<void> {
    const connections = [...hocuspocus.documents.values()].flatMap((document) => document.getConnections());
    const ids = [...new Set(connections.map((connection) => (connection.context as Partial<AuthContext>).tokenId).filter((id): id is string => !!id))];
    if (ids.length === 0) return;
    const revoked = new Set(await this.store.revokedAmong(ids));
    for (const connection of connections) {
      const tokenId = (connection.context as Partial<AuthContext>).tokenId;
      if (!tokenId || !revoked.has(tokenId)) continue;
      this.log.info('document closed: token revoked', { doc: connection.document.name, socket: connection.socketId, tokenId });
      connection.close({ code: 4401, reason: SYNC_REFUSALS.tokenRevoked });
    }
  }

  private touch(tokenId: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(tokenId) ?? 0) < TOUCH_EVERY_MS) return;
    this.lastTouched.set(tokenId, now);
    this.store.touchToken(tokenId, new Date(now)).catch((error: unknown) => this.log.warn('could not record token use', { tokenId, error }));
  }
}
