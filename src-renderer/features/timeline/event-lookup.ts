import type { TimelineEvent } from '@core/model/event';

/**
 * Events of one list found by id when asked (the selected event, the event a dialog edits):
 * a scan per new id instead of a map of every id built up front, which at a million events
 * costs seconds of hashing on every change of the list for the one or two ids anyone looks up.
 */
export class EventLookup {
  private lastId: string | null = null;
  private lastEvent: TimelineEvent | undefined;

  constructor(private readonly events: readonly TimelineEvent[]) {}

  get(id: string): TimelineEvent | undefined {
    if (id === this.lastId) return this.lastEvent;
    let found: TimelineEvent | undefined;
    for (let i = 0; i < this.events.length; i++) {
      if (this.events[i].id === id) {
        found = this.events[i];
        break;
      }
    }
    this.lastId = id;
    this.lastEvent = found;
    return found;
  }
}
