import { EVENT_KINDS, type TimelineEvent } from '@core/model/event';
import type { Source } from '@core/model/source';
import { runSteps } from '@core/steps';
import type { CheckOption } from './CheckList';
import { SOURCE_FORMAT_BADGE } from '@core/model/source';

export interface FilterChoices {
  sources: CheckOption[];
  channels: CheckOption[];
  actors: CheckOption[];
  kinds: CheckOption[];
}

function counted(counts: Map<string, { label: string; count: number }>): CheckOption[] {
  return [...counts]
    .map(([value, { label, count }]) => ({ value, label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** What each filter can choose from, with how many events each choice holds. */
export function filterChoices(events: readonly TimelineEvent[], sources: readonly Source[], manualSourceId: string): FilterChoices {
  return runSteps(filterChoicesSteps(events, sources, manualSourceId));
}

/** Events counted between two pauses. */
const STEP = 4096;

/** filterChoices, pausing (yield) every few thousand events, for the Timeline's background derivation. */
export function* filterChoicesSteps(events: readonly TimelineEvent[], sources: readonly Source[], manualSourceId: string): Generator<void, FilterChoices, void> {
  const bySource = new Map<string, { label: string; count: number }>();
  const channels = new Map<string, { label: string; count: number }>();
  const actors = new Map<string, { label: string; count: number }>();
  const kinds = new Map<string, number>();
  const sourceNames = new Map(sources.map((s) => [s.id, `${SOURCE_FORMAT_BADGE[s.format]} · ${s.fileName}`]));
  sourceNames.set(manualSourceId, 'Added by hand');
  const bump = (map: Map<string, { label: string; count: number }>, key: string, label: string) => {
    const entry = map.get(key);
    if (entry) entry.count += 1;
    else map.set(key, { label, count: 1 });
  };
  for (let i = 0; i < events.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const event = events[i];
    bump(bySource, event.sourceId, sourceNames.get(event.sourceId) ?? SOURCE_FORMAT_BADGE[event.sourceFormat]);
    if (event.channel) bump(channels, event.channel, `#${event.channel.replace(/^#/, '')}`);
    // Matches filters.ts: an actor is its id when it has one, else its shown name.
    bump(actors, event.actorId ?? event.actorName, event.actorName || 'Unknown');
    kinds.set(event.kind, (kinds.get(event.kind) ?? 0) + 1);
  }
  return {
    sources: counted(bySource),
    channels: counted(channels),
    actors: counted(actors),
    kinds: EVENT_KINDS.filter((k) => kinds.has(k)).map((k) => ({ value: k, label: k, count: kinds.get(k) })),
  };
}
