import * as Y from 'yjs';
import { connectClient, openTestSocket, type TestClient } from '../../server/test/test-client.ts';
import { sleep } from './latency.ts';
import { cpuPercent, sampleProcess } from './process-stats.ts';

export interface OpenIncidentsResult {
  documentBytes: number;
  rssIdleServerMb: number;
  rssOpenMb: number;
  rssActiveMb: number;
  idleCpuPercent: number;
  activeCpuPercent: number;
  editsPerSecond: number;
}

const MB = 1024 * 1024;

/**
 * `incidents` open incidents, each with two people on it (`users` sockets, each with several
 * incidents open over one multiplexed WebSocket, with presence), first idle, then with one edit
 * per incident every `editEveryMs`. Samples the server process's memory and CPU from /proc.
 */
export async function measureOpenIncidents(options: {
  url: string;
  token: string;
  team: string;
  serverPid: number;
  incidents: number;
  users: number;
  idleSeconds: number;
  activeSeconds: number;
  editEveryMs: number;
}): Promise<OpenIncidentsResult> {
  const idleServer = sampleProcess(options.serverPid);
  const perUser = Math.ceil((2 * options.incidents) / options.users);
  const step = Math.ceil(options.incidents / options.users);
  const sockets = Array.from({ length: options.users }, () => openTestSocket(options.url));
  const byIncident = new Map<number, TestClient[]>();
  try {
    sockets.forEach((socket, user) => {
      for (let k = 0; k < perUser; k++) {
        const incident = (user * step + k) % options.incidents;
        const client = connectClient({ urls: options.url, socket, name: `${options.team}/incident/bench-open-${incident}`, token: options.token });
        client.provider.setAwarenessField('user', { name: `User ${user}`, color: `hsl(${(user * 37) % 360} 70% 45%)` });
        byIncident.set(incident, [...(byIncident.get(incident) ?? []), client]);
      }
    });
    const everyone = [...byIncident.values()].flat();
    await Promise.all(everyone.map((client) => client.settled(120_000)));
    for (const [incident, [first]] of byIncident) if (first) fillIncident(first.doc, incident);
    await Promise.all(everyone.map((client) => client.settled(120_000)));
    const documentBytes = Y.encodeStateAsUpdate(everyone[0]?.doc ?? new Y.Doc()).byteLength;

    await sleep(3000);
    const idleFrom = sampleProcess(options.serverPid);
    await sleep(options.idleSeconds * 1000);
    const idleTo = sampleProcess(options.serverPid);

    let edits = 0;
    const order = [...byIncident.values()];
    const timer = setInterval(() => {
      const clients = order[edits % order.length] ?? [];
      const client = clients[Math.floor(edits / order.length) % clients.length];
      edits += 1;
      if (!client) return;
      const text = client.doc.getText('postmortem');
      client.doc.transact(() => {
        text.insert(Math.floor(text.length / 2), 'x');
        client.doc.getArray<Y.Map<unknown>>('actionItems').get(edits % 40)?.set('status', edits % 2 ? 'open' : 'in progress');
      });
    }, options.editEveryMs / options.incidents);
    const activeFrom = sampleProcess(options.serverPid);
    const editsFrom = edits;
    await sleep(options.activeSeconds * 1000);
    const activeTo = sampleProcess(options.serverPid);
    clearInterval(timer);
    const measuredEdits = edits - editsFrom;
    await Promise.all(everyone.map((client) => client.settled(60_000)));

    return {
      documentBytes,
      rssIdleServerMb: idleServer.rssBytes / MB,
      rssOpenMb: idleTo.rssBytes / MB,
      rssActiveMb: activeTo.rssBytes / MB,
      idleCpuPercent: cpuPercent(idleFrom, idleTo),
      activeCpuPercent: cpuPercent(activeFrom, activeTo),
      editsPerSecond: measuredEdits / ((activeTo.atMs - activeFrom.atMs) / 1000),
    };
  } finally {
    for (const client of [...byIncident.values()].flat()) client.destroy();
    for (const socket of sockets) socket.destroy();
  }
}

/** A reviewed incident of realistic size: facts, roles, milestones, action items, annotations, postmortem prose. */
function fillIncident(doc: Y.Doc, n: number): void {
  doc.transact(() => {
    const incident = doc.getMap<unknown>('incident');
    incident.set('title', `Checkout latency spike #${n}`);
    incident.set('severity', `SEV${1 + (n % 4)}`);
    incident.set('status', 'in review');
    incident.set('timeZone', 'Europe/Berlin');
    incident.set('startedAt', '2026-03-14T09:02:00Z');
    incident.set('resolvedAt', '2026-03-14T10:41:00Z');
    incident.set('services', ['checkout-api', 'payments-gateway', 'redis-cache']);
    incident.set('roles', { commander: 'Ana Lima', scribe: 'Ben Okafor', experts: ['Chen Wei', 'Dana Kowalski'], customerExperience: 'Eli Haddad' });
    const milestones = doc.getArray<Y.Map<unknown>>('milestones');
    for (let i = 0; i < 25; i++) milestones.push([entry({ kind: ['detect', 'assemble', 'mitigate', 'under-control', 'all-clear'][i % 5], at: `2026-03-14T09:${String(10 + i).padStart(2, '0')}:00Z`, note: 'Pager fired on p99 latency; IC assembled the bridge.' })]);
    const items = doc.getArray<Y.Map<unknown>>('actionItems');
    for (let i = 0; i < 40; i++) items.push([entry({ title: `Add a canary stage for config change ${i}`, owner: 'Chen Wei', priority: `P${1 + (i % 3)}`, due: '2026-04-01', status: 'open', links: ['https://tracker.example/OPS-1234'] })]);
    const annotations = doc.getArray<Y.Map<unknown>>('annotations');
    for (let i = 0; i < 60; i++) annotations.push([entry({ eventId: `slack-export:${i}`, author: 'Dana Kowalski', text: 'How did the system let a stale config reach production without a canary? Worth a question in the review.' })]);
    const text = doc.getText('postmortem');
    for (let i = 0; i < 40; i++) text.insert(text.length, `Paragraph ${i}: At 09:02 the checkout API's p99 latency rose above 2 s after a configuration change reached every region at once. `);
  });
}

function entry(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}
