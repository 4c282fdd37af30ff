import { describe, expect, it } from 'vitest';
import { ProgressFeed } from './progress-feed';

describe('progress feed', () => {
  it('hands each listener the latest progress until it unsubscribes', () => {
    const feed = new ProgressFeed();
    expect(feed.get()).toEqual({ index: 0, value: null });
    const seen: number[] = [];
    const stop = feed.subscribe(() => seen.push(feed.get().value?.events ?? -1));
    const progress = { phase: 'reading' as const, filesDone: 1, filesTotal: 2, bytesDone: 10, bytesTotal: 20, events: 5 };
    feed.set({ index: 1, value: progress });
    stop();
    feed.set({ index: 1, value: { ...progress, events: 9 } });
    expect(seen).toEqual([5]);
    expect(feed.get()).toEqual({ index: 1, value: { ...progress, events: 9 } });
  });
});
