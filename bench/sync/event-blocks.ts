import { strToU8, zlibSync } from 'fflate';

/**
 * A 100k-event incident as the sync client could ship it: each source's events as one compact
 * binary block (JSON rows, zlib-compressed) in a Y.Map, not 100k map entries. The event-store and
 * sync-client own the real encoding; this gives the bench blocks of a realistic size.
 */
export interface SourceBlock {
  sourceId: string;
  events: number;
  block: Uint8Array;
  rawBytes: number;
}

const SOURCES = [
  { sourceId: 'slack-export', kind: 'message', share: 0.6 },
  { sourceId: 'alertmanager', kind: 'alert', share: 0.2 },
  { sourceId: 'pagerduty', kind: 'page', share: 0.15 },
  { sourceId: 'statuspage', kind: 'status', share: 0.05 },
] as const;

const WORDS = (
  'the checkout api latency p99 rollback deploy canary error rate spiked after we shipped config flag ' +
  'database primary failover replica lag cache stampede redis eviction pods restarting oom killed node ' +
  'pool autoscaler queue backlog consumer retries timeout upstream gateway 502 503 dashboard grafana ' +
  'looking into it acked paging incident commander joined bridge customer impact mitigated monitoring ' +
  'root cause hypothesis traffic shift region us-east eu-west feature toggle disabled hotfix merged'
).split(' ');
const PEOPLE = ['Ana Lima', 'Ben Okafor', 'Chen Wei', 'Dana Kowalski', 'Eli Haddad', 'Fatima Noor', 'Gus Berg', 'Hana Sato'];
const CHANNELS = ['#inc-2291-checkout', '#sre', '#payments-eng', '#status-updates', '#support-escalations'];

/** Deterministic pseudo-random numbers, so every run ships the same bytes. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

export function buildEventBlocks(total: number, startMs = Date.UTC(2026, 2, 14, 9, 0)): SourceBlock[] {
  const next = random(2291);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const sentence = (min: number, max: number): string =>
    Array.from({ length: min + Math.floor(next() * (max - min)) }, () => pick(WORDS)).join(' ');
  return SOURCES.map(({ sourceId, kind, share }, s) => {
    const count = Math.round(total * share);
    let at = startMs;
    const rows = Array.from({ length: count }, (_, i) => {
      at += Math.floor(next() * 1500);
      return [
        `${sourceId}:${s}-${i.toString(36)}-${Math.floor(next() * 1e9).toString(36)}`,
        at,
        kind,
        pick(PEOPLE),
        kind === 'message' ? pick(CHANNELS) : sourceId,
        sentence(6, kind === 'message' ? 40 : 14),
        kind === 'message' && next() < 0.3 ? `https://acme.slack.com/archives/C0${i}` : '',
      ];
    });
    const raw = strToU8(JSON.stringify(rows));
    return { sourceId, events: count, block: zlibSync(raw, { level: 6 }), rawBytes: raw.byteLength };
  });
}
