import { strFromU8, unzlibSync } from 'fflate';
import { connectClient, waitUntil } from '../../server/test/test-client.ts';
import type { SourceBlock } from './event-blocks.ts';

export interface JoinResult {
  /** A second client joins: connect, authenticate, sync every block. */
  joinMs: number;
  /** Inflating and parsing every block on the joining client. */
  decodeMs: number;
  events: number;
}

/** Shares `blocks` as one incident's events document; resolves with the time until it was acknowledged. */
export async function shareEvents(options: { url: string; token: string; name: string; blocks: SourceBlock[] }): Promise<number> {
  const writer = connectClient({ urls: options.url, name: options.name, token: options.token });
  try {
    await writer.settled(60_000);
    const started = performance.now();
    writer.doc.transact(() => {
      const sources = writer.doc.getMap<Uint8Array>('sources');
      for (const { sourceId, block } of options.blocks) sources.set(sourceId, block);
    });
    await writer.settled(120_000);
    return performance.now() - started;
  } finally {
    writer.destroy();
  }
}

/** A teammate joining the events document: connect, authenticate, sync every block. */
export async function joinEvents(options: { url: string; token: string; name: string; sources: number }): Promise<JoinResult> {
  const started = performance.now();
  const joiner = connectClient({ urls: options.url, name: options.name, token: options.token });
  try {
    const sources = joiner.doc.getMap<Uint8Array>('sources');
    await waitUntil(() => joiner.provider.synced && sources.size === options.sources, 120_000, 'the join');
    const joinMs = performance.now() - started;
    const decodeStarted = performance.now();
    let events = 0;
    for (const block of sources.values()) events += (JSON.parse(strFromU8(unzlibSync(block))) as unknown[]).length;
    return { joinMs, decodeMs: performance.now() - decodeStarted, events };
  } finally {
    joiner.destroy();
  }
}
