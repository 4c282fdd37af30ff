import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** A real Yjs client: a Y.Doc, Hocuspocus's provider over a `ws` WebSocket, like the app's. */
export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Reasons of `authenticationFailed` events, in order. */
  refusals: string[];
  /** Reasons of `close` events for this document, in order. */
  closes: string[];
  /**
   * Calls `listener` whenever the server has acknowledged every local change made so far (the
   * provider's unsynced-changes count drops to 0: it only does on an "applied" answer).
   */
  onAllAcknowledged(listener: () => void): void;
  /** Resolves when the first sync is done and every local change is acknowledged. */
  settled(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

export interface ClientOptions {
  /** One URL, or several instances: on every disconnect the client moves on to the next one. */
  urls: string | string[];
  name: string;
  token: string;
  doc?: Y.Doc;
  /** Share this WebSocket with other documents (Hocuspocus multiplexes them) instead of opening one. */
  socket?: HocuspocusProviderWebsocket;
}

/** One WebSocket to the server (or to several instances in turn), for one or more documents. */
export function openTestSocket(urls: string | string[]): HocuspocusProviderWebsocket {
  const list = Array.isArray(urls) ? urls : [urls];
  const socket = new HocuspocusProviderWebsocket({
    url: list[0] ?? '',
    WebSocketPolyfill: WebSocket,
    // Reconnect fast in tests (the app keeps Hocuspocus's 1 s … 30 s back-off).
    delay: 50,
    minDelay: 50,
    maxDelay: 300,
    factor: 1.5,
  });
  let index = 0;
  if (list.length > 1) {
    socket.on('disconnect', () => {
      index = (index + 1) % list.length;
      socket.configuration.url = list[index] ?? socket.configuration.url;
    });
  }
  return socket;
}

export function connectClient(options: ClientOptions): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const socket = options.socket ?? openTestSocket(options.urls);
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: options.name, document: doc, token: options.token });
  const refusals: string[] = [];
  const closes: string[] = [];
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refusals.push(reason));
  provider.on('close', ({ event }: { event: { reason: string } }) => closes.push(event.reason));
  provider.attach();
  return {
    doc,
    provider,
    socket,
    refusals,
    closes,
    onAllAcknowledged: (listener) =>
      provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        if (number === 0) listener();
      }),
    settled: (timeoutMs = 15_000) => waitUntil(() => provider.synced && provider.unsyncedChanges === 0, timeoutMs, `${options.name} to sync`),
    destroy: () => {
      provider.destroy();
      if (!options.socket) socket.destroy();
    },
  };
}

/** Polls `condition` every 10 ms; rejects naming `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
