import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/**
 * A bare WebSocket that speaks just enough of the Hocuspocus wire format to send what a broken
 * or hostile client would: garbage, truncated messages, undecodable updates, huge frames.
 */
export interface RawSocket {
  ws: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array | string): void;
  /** Messages received so far. */
  received: Buffer[];
}

export async function openRawSocket(url: string): Promise<RawSocket> {
  const ws = new WebSocket(url);
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(data));
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed, received, send: (bytes) => ws.send(bytes) };
}

// Hocuspocus message types and sub-types.
const AUTH = 2;
const AUTH_TOKEN = 0;
const SYNC = 0;
const SYNC_UPDATE = 2;

export function authMessage(documentName: string, token: string): Uint8Array {
  return message(documentName, (encoder) => {
    encoding.writeVarUint(encoder, AUTH);
    encoding.writeVarUint(encoder, AUTH_TOKEN);
    encoding.writeVarString(encoder, token);
  });
}

/** A sync "update" message whose payload is `update`, valid or not. */
export function updateMessage(documentName: string, update: Uint8Array): Uint8Array {
  return message(documentName, (encoder) => {
    encoding.writeVarUint(encoder, SYNC);
    encoding.writeVarUint(encoder, SYNC_UPDATE);
    encoding.writeVarUint8Array(encoder, update);
  });
}

function message(documentName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
