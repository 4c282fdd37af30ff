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
}

export function connectClient(options: ClientOptions): TestClient {
  const urls = Array.isArray(options.urls) ? options.urls : [options.urls];
  const [firstUrl = ''] = urls;
  const doc = options.doc ?? new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: firstUrl,
    WebSocketPolyfill: WebSocket,
    // Reconnect fast in tests (the app keeps Hocuspocus's 1 s … 30 s back-off).
    delay: 50,
    minDelay: 50,
    maxDelay: 300,
    factor: 1.5,
  });
  let urlIndex = 0;
  if (urls.length > 1) {
    socket.on('disconnect', () => {
      urlIndex = (urlIndex + 1) % urls.length;
      socket.configuration.url = urls[urlIndex] ?? firstUrl;
    });
  }
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
      socket.destroy();
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
