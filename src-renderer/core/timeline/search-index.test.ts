import { describe, expect, it } from 'vitest';
import { createTimelineIndex, highlightRanges, type SearchableEvent } from './search-index';

const ev = (id: string, at: number, text: string, extra: Partial<SearchableEvent> = {}): SearchableEvent => ({
  id,
  at,
  text,
  sourceId: 'slack',
  actorName: 'Alice Ng',
  channel: 'inc-482',
  ...extra,
});

const mark = (text: string, ranges: Array<[number, number]>) => ranges.map(([s, e]) => text.slice(s, e));

describe('createTimelineIndex', () => {
  it('finds events case- and accent-insensitively by word prefix, returning ids in time order', () => {
    const index = createTimelineIndex();
    index.addEvents([
      ev('c', 300, 'Déploiement annulé, rolled back to v411'),
      ev('a', 100, 'DEPLOY started for checkout-api'),
      ev('b', 200, 'Nothing to see'),
    ]);
    expect(index.search('deplo')).toEqual(['a', 'c']);
    expect(index.search('ANNULE')).toEqual(['c']);
    expect(index.search('déploiement')).toEqual(['c']);
    expect(index.search('ploy')).toEqual([]);
  });

  it('requires every query word, and searches author and channel too', () => {
    const index = createTimelineIndex();
    index.addEvents([ev('a', 1, 'rolled back'), ev('b', 2, 'rolled forward', { actorName: 'Bob Kim' }), ev('c', 3, 'status page', { channel: 'général' })]);
    expect(index.search('roll back')).toEqual(['a']);
    expect(index.search('bob roll')).toEqual(['b']);
    expect(index.search('genera')).toEqual(['c']);
    expect(index.search('   ')).toEqual([]);
  });

  it('re-indexes an event added again, and forgets removed events and whole sources', () => {
    const index = createTimelineIndex();
    index.addEvents([ev('a', 1, 'old words'), ev('b', 2, 'pager fired', { sourceId: 'pd' }), ev('c', 3, 'pager acked', { sourceId: 'pd' })]);
    index.addEvents([ev('a', 1, 'new words')]);
    expect(index.search('old')).toEqual([]);
    expect(index.search('new')).toEqual(['a']);
    index.removeBySource('pd');
    expect(index.search('pager')).toEqual([]);
    expect(index.size).toBe(1);
    index.removeEvents(['a', 'missing']);
    expect(index.size).toBe(0);
    index.rebuild([ev('z', 9, 'pager again', { sourceId: 'pd' })]);
    expect(index.search('pager')).toEqual(['z']);
  });

  it('indexes 100k events and answers queries from the index (figure printed, not asserted)', () => {
    const words = ['checkout', 'latency', 'rollback', 'déploiement', 'database', 'errors', 'paging', 'élevé', 'cache', 'timeout', 'retry', 'kafka'];
    let seed = 7; // xorshift32: deterministic, spreads over every word
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const events = Array.from({ length: 100_000 }, (_, i) =>
      ev(`e${i}`, 1_700_000_000_000 + i * 1000, Array.from({ length: 12 }, () => words[next() % words.length]).join(' ') + ` ticket-${i}`),
    );
    const index = createTimelineIndex();
    const t0 = Date.now();
    index.addEvents(events);
    const t1 = Date.now();
    index.search('warm'); // builds the time order once, as the first query after an import does
    const t1b = Date.now();
    const hits = index.search('ticket-4242');
    const t2 = Date.now();
    const broad = index.search('elev');
    const t3 = Date.now();
    expect(hits).toContain('e4242');
    expect(broad.length).toBeGreaterThan(50_000);
    process.stdout.write(
      `[search-index] indexed 100k events in ${t1 - t0} ms; first query ${t1b - t1} ms; two-word query ${t2 - t1b} ms; query hitting ${broad.length} events ${t3 - t2} ms\n`,
    );
  }, 120_000);
});

describe('highlightRanges', () => {
  it('returns offsets in the original text even where accents were stripped', () => {
    const text = 'Le déploiement a échoué: Résumé';
    const ranges = highlightRanges(text, 'deploi echou resume');
    expect(mark(text, ranges)).toEqual(['déploi', 'échou', 'Résumé']);
  });

  it('covers decomposed combining marks and astral characters correctly', () => {
    const text = '🔥 Cafe\u0301 cafe\u0301ine';
    const ranges = highlightRanges(text, 'café');
    expect(mark(text, ranges)).toEqual(['Cafe\u0301', 'cafe\u0301']);
    expect(ranges[0]).toEqual([3, 8]);
  });

  it('highlights only word prefixes, picking the longest matching query word', () => {
    const text = 'Rollback rolled; enroll';
    expect(mark(text, highlightRanges(text, 'ROLL rollb'))).toEqual(['Rollb', 'roll']);
    expect(highlightRanges(text, '')).toEqual([]);
  });

  it('maps characters whose lower case is longer (İ) back onto the one original character', () => {
    const text = 'İstanbul outage';
    expect(highlightRanges(text, 'ist')).toEqual([[0, 3]]);
  });
});
