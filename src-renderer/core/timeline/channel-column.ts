import type { TimelineEvent } from '@core/model/event';

/**
 * Each event's channel as a number, by position in a list: a channel filter then checks a typed
 * array instead of each event object. At a million events the objects are spread over the heap;
 * reading one per event (or per hit of a broad search, 150k of them) was most of a filter's cost.
 */
export interface ChannelColumn {
  /** `codes[i]` is the number of the channel of the event at position `i`. */
  codes: Uint32Array;
  /** The number of each channel name in the list. */
  numbers: ReadonlyMap<string, number>;
}

/** Events read between two points where a background derivation may pause. */
const STEP = 8192;

/** The channel column of `events`, pausing (yield) every few thousand events. */
export function* channelColumnSteps(events: readonly Pick<TimelineEvent, 'channel'>[]): Generator<void, ChannelColumn, void> {
  const codes = new Uint32Array(events.length);
  const numbers = new Map<string, number>();
  // Neighbours mostly share a channel: remember the last one to skip most map look-ups.
  let lastName: string | null = null;
  let lastCode = 0;
  for (let i = 0; i < events.length; i++) {
    const name = events[i].channel;
    if (name !== lastName) {
      let code = numbers.get(name);
      if (code === undefined) numbers.set(name, (code = numbers.size));
      lastName = name;
      lastCode = code;
    }
    codes[i] = lastCode;
    if (i % STEP === STEP - 1) yield;
  }
  return { codes, numbers };
}

/** 1 at the number of each channel in `names` (names the list does not hold are skipped). */
export function allowedChannels(column: ChannelColumn, names: Iterable<string>): Uint8Array {
  const allowed = new Uint8Array(column.numbers.size);
  for (const name of names) {
    const code = column.numbers.get(name);
    if (code !== undefined) allowed[code] = 1;
  }
  return allowed;
}
