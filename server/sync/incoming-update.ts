import { IncomingMessage, MessageType } from '@hocuspocus/server';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';

export type IncomingUpdate =
  /** A message that carries no document change (sync step 1, awareness, auth, stateless…). */
  | { kind: 'none' }
  /** A document change: the client's answer to the server's sync step 1, or a live update. */
  | { kind: 'update'; step: 'sync-step-2' | 'update'; update: Uint8Array; empty: boolean }
  /** Bytes that do not decode as a Hocuspocus message or a Yjs update. */
  | { kind: 'malformed'; error: Error };

/**
 * Reads the Yjs update out of one incoming Hocuspocus message, and checks that the update
 * decodes completely before anything stores or applies it.
 */
export function readIncomingUpdate(message: Uint8Array): IncomingUpdate {
  try {
    const reader = new IncomingMessage(message);
    reader.readVarString(); // document name
    const type = reader.readVarUint();
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return { kind: 'none' };
    const step = reader.readVarUint();
    if (step !== messageYjsSyncStep2 && step !== messageYjsUpdate) return { kind: 'none' };
    const update = reader.readVarUint8Array();
    const decoded = Y.decodeUpdate(update);
    const empty = decoded.structs.length === 0 && decoded.ds.clients.size === 0;
    return { kind: 'update', step: step === messageYjsSyncStep2 ? 'sync-step-2' : 'update', update, empty };
  } catch (error) {
    return { kind: 'malformed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}
