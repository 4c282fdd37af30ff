import { connectClient, waitUntil, type TestClient } from '../../server/test/test-client.ts';

export interface LatencyResult {
  edits: number;
  samples: number[];
}

interface Probe {
  seq: number;
  sentAt: number;
}

/**
 * `clients` people typing into one incident's postmortem at `editsPerSecond` each. Every edit
 * also stamps the sender's probe in a Y.Map with performance.now(); the other clients (same
 * process, same clock) record how long the edit took to become visible to them.
 */
export async function measureLatency(options: { url: string; token: string; name: string; clients: number; editsPerSecond: number; seconds: number; warmupSeconds: number }): Promise<LatencyResult> {
  const clients: TestClient[] = Array.from({ length: options.clients }, () => connectClient({ urls: options.url, name: options.name, token: options.token }));
  const samples: number[] = [];
  let measuring = false;
  let edits = 0;
  try {
    await Promise.all(clients.map((client) => client.settled(30_000)));
    clients.forEach((client, index) => {
      client.doc.getMap<Probe>('probe').observe((event) => {
        if (!measuring) return;
        const now = performance.now();
        for (const key of event.keysChanged) {
          if (key === String(index)) continue;
          const probe = client.doc.getMap<Probe>('probe').get(key);
          if (probe) samples.push(now - probe.sentAt);
        }
      });
    });
    const timers = clients.map((client, index) =>
      setInterval(
        () => {
          const text = client.doc.getText('postmortem');
          client.doc.transact(() => {
            text.insert(Math.floor(Math.random() * (text.length + 1)), 'abcdefghij'[edits % 10] ?? 'x');
            client.doc.getMap<Probe>('probe').set(String(index), { seq: ++edits, sentAt: performance.now() });
          });
        },
        // Slightly different periods so the clients do not type in lockstep.
        1000 / options.editsPerSecond + index,
      ),
    );
    await sleep(options.warmupSeconds * 1000);
    measuring = true;
    const firstEdit = edits;
    await sleep(options.seconds * 1000);
    measuring = false;
    for (const timer of timers) clearInterval(timer);
    const measuredEdits = edits - firstEdit;
    await Promise.all(clients.map((client) => client.settled(30_000)));
    const reference = clients[0]?.doc.getText('postmortem').toString();
    await waitUntil(() => clients.every((client) => client.doc.getText('postmortem').toString() === reference), 10_000, 'the clients to converge');
    return { edits: measuredEdits, samples };
  } finally {
    for (const client of clients) client.destroy();
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
