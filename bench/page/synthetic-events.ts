import type { BlockEvent } from '@core/events/event-block';

const WORDS = 'checkout payments api latency error rollback deploy config pool database timeout retry customer card decline alert pager restart pod cache queue lag region failover metric dashboard runbook incident bridge status update mitigate verify'.split(' ');
const PEOPLE = Array.from({ length: 40 }, (_, i) => `Responder ${i + 1}`);
const CHANNELS = ['incident-checkout', 'payments', 'sre', 'support', 'deploys', 'alerts', 'status', 'war-room'];
const SPAN = 6 * 3_600_000;

/**
 * `count` Slack-like events over six hours from `start`, in time order: a fifth fall in three
 * short bursts, one in nine is a thread reply, some mention someone or carry a link or an accent.
 * Deterministic (fixed seed), generated lazily so a million never sit in memory at once.
 */
export function* syntheticEvents(count: number, start: number): Generator<BlockEvent> {
  let rng = 42;
  const rand = () => (rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648;
  const ats = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const r = rand();
    ats[i] = Math.floor(r < 0.2 ? start + [0.1, 0.35, 0.6][Math.floor(rand() * 3)] * SPAN + rand() * 240_000 : start + rand() * SPAN);
  }
  ats.sort();
  for (let i = 0; i < count; i++) {
    const n = 6 + Math.floor(rand() * 20);
    let text = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
    if (i % 50 === 0) text = `@${PEOPLE[i % 40].replace(' ', '')} ${text}`;
    if (i % 70 === 0) text += ` https://grafana.example.com/d/${i}`;
    if (i % 997 === 0) text += ' Élodie résumé';
    yield {
      id: null,
      sourceFormat: 'slack-export',
      dedupeKey: `slack-export:m${i}`,
      kind: 'message',
      at: ats[i],
      originalTime: String(ats[i] / 1000),
      actorAlias: null,
      actorId: null,
      actorName: PEOPLE[i % 40],
      channel: CHANNELS[i % CHANNELS.length],
      text,
      links: [],
      threadParentKey: i % 9 === 0 && i > 10 ? `slack-export:m${i - 1 - (i % 7)}` : null,
      replyCount: 0,
      edited: i % 40 === 0,
      deleted: false,
      reactions: i % 30 === 0 ? [{ name: 'eyes', count: 2 }] : [],
      attachments: [],
    };
  }
}
