/**
 * A precise signal of what changed in an incident's events, sent by the event module's writes
 * (in this window, the import worker and other windows alike). Views listen to it instead of
 * watching the event tables: writing an import's blocks changes nothing anyone can see, so it
 * sends nothing; its commit sends one `sources` change, and a pin one `events` change naming the
 * event. Dexie's own mutation signal would wake every view on every block of every import.
 */
export type EventChange =
  /** A source became visible or invisible: the incident's event set changed. */
  | { database: string; incidentId: string; type: 'sources'; sourceId: string }
  /** These events changed (pin, redaction) or were added or removed (typed-in events). */
  | { database: string; incidentId: string; type: 'events'; ids: string[] };

type Listener = (change: EventChange) => void;

const CHANNEL_NAME = 'debrief-event-changes';
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null | undefined;

function deliver(change: EventChange): void {
  for (const listener of [...listeners]) listener(change);
}

function openChannel(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  if (typeof BroadcastChannel === 'undefined') return (channel = null);
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (message: MessageEvent<EventChange>) => deliver(message.data);
  // Node (unit tests) would otherwise stay alive for the channel.
  (channel as unknown as { unref?: () => void }).unref?.();
  return channel;
}

/** Tells this window's views and every other window and worker of the app. */
export function emitEventChange(change: EventChange): void {
  deliver(change);
  openChannel()?.postMessage(change);
}

/** Calls `listener` for each change to `incidentId`'s events in `database`; returns the unsubscribe. */
export function onEventChange(database: string, incidentId: string, listener: Listener): () => void {
  openChannel();
  const filtered: Listener = (change) => {
    if (change.database === database && change.incidentId === incidentId) listener(change);
  };
  listeners.add(filtered);
  return () => listeners.delete(filtered);
}
