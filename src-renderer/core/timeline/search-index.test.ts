import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimelineIndex, highlightRanges, type SearchableEvent } from './search-index';
import { matchesQuery } from './search-text';
import { decodeBlockTerms, encodeBlockTerms } from '@core/events/block-terms';

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

describe('createTimelineIndex edge cases', () => {
  it('orders hits by time then id whatever the insertion order', () => {
    const index = createTimelineIndex();
    index.addEvents([ev('b', 5, 'page'), ev('c', 1, 'page'), ev('a', 5, 'page'), ev('d', 3, 'nothing')]);
    expect(index.search('page')).toEqual(['c', 'a', 'b']);
    index.addEvents([ev('c', 9, 'page')]);
    expect(index.search('page')).toEqual(['a', 'b', 'c']);
  });

  it('matches a whole word, the last word in sort order, and never a word shorter than the query', () => {
    const index = createTimelineIndex();
    index.addEvents([ev('a', 1, 'zzz top'), ev('b', 2, 'zz'), ev('c', 3, 'roll rollback')]);
    expect(index.search('zzz')).toEqual(['a']);
    expect(index.search('zz')).toEqual(['a', 'b']);
    expect(index.search('zzzz')).toEqual([]);
    expect(index.search('roll ROLL rollb')).toEqual(['c']);
    expect(index.search('?! --')).toEqual([]);
    expect(index.search('alice inc')).toEqual(['a', 'b', 'c']);
  });

  it('gives each hit with the object it was indexed from, the newest version after a re-index', () => {
    const index = createTimelineIndex();
    const first = ev('a', 1, 'pager fired');
    const other = ev('b', 2, 'pager acked');
    index.addEvents([first, other]);
    expect(index.hits('pager').events).toEqual([first, other]);
    expect(index.hits('pager').events[0]).toBe(first);
    const edited = ev('a', 1, 'pager fired twice');
    index.addEvents([edited]);
    const hits = index.hits('pager');
    expect(hits.ids).toEqual(['a', 'b']);
    expect(hits.events[0]).toBe(edited);
    expect(hits.events[1]).toBe(other);
    // Compaction keeps ids and objects together.
    const many = Array.from({ length: 3000 }, (_, i) => ev(`e${i}`, 10 + i, `n${i}`));
    index.addEvents(many);
    index.removeEvents(many.filter((_, i) => i % 2 === 1).map((e) => e.id));
    const after = index.hits('n2998');
    expect(after.ids).toEqual(['e2998']);
    expect(after.events[0]).toBe(many[2998]);
  });

  it('stays correct across many removals and re-additions (tombstones are compacted away)', () => {
    const index = createTimelineIndex();
    const many = Array.from({ length: 3000 }, (_, i) => ev(`e${i}`, i, `${i % 2 === 0 ? 'even' : 'odd'} n${i}`, { sourceId: i < 1500 ? 'one' : 'two' }));
    index.addEvents(many);
    index.removeEvents(many.filter((_, i) => i % 3 !== 0).map((e) => e.id));
    expect(index.size).toBe(1000);
    expect(index.search('even')).toEqual(many.filter((_, i) => i % 6 === 0).map((e) => e.id));
    expect(index.search('n2997')).toEqual(['e2997']);
    expect(index.search('n2998')).toEqual([]);
    index.removeBySource('one');
    expect(index.size).toBe(500);
    index.addEvents([ev('e3', 3, 'back again', { sourceId: 'one' }), ev('late', 2, 'odd one')]);
    expect(index.search('odd').slice(0, 2)).toEqual(['late', 'e1503']);
    expect(index.search('back')).toEqual(['e3']);
    expect(index.search('n1503')).toEqual(['e1503']);
  });

  it('answers exactly what matchesQuery says over text, author and channel, in time order', () => {
    const word = fc.constantFrom('roll', 'Rollback', 'rôle', 'DATA', 'database', 'dash', 'é', 'e', 'x1', 'İst', 'σ', 'ς');
    const phrase = fc.array(word, { maxLength: 4 }).map((ws) => ws.join(' '));
    const event = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      at: fc.integer({ min: 0, max: 3 }),
      text: phrase,
      sourceId: fc.constantFrom('s1', 's2'),
      actorName: fc.constantFrom('Bob Kim', 'Élodie', ''),
      channel: fc.constantFrom('inc-1', 'général', 'data'),
    });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), events: fc.array(event, { maxLength: 5 }) }),
      fc.record({ kind: fc.constant('remove' as const), ids: fc.array(fc.constantFrom('a', 'b', 'c', 'z'), { maxLength: 3 }) }),
      fc.record({ kind: fc.constant('source' as const), sourceId: fc.constantFrom('s1', 's2') }),
      fc.record({ kind: fc.constant('rebuild' as const), events: fc.array(event, { maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 6 }), fc.array(phrase, { minLength: 1, maxLength: 4 }), (ops, queries) => {
        const index = createTimelineIndex();
        const model = new Map<string, SearchableEvent>();
        for (const step of ops) {
          if (step.kind === 'add') {
            index.addEvents(step.events);
            for (const e of step.events) model.set(e.id, e);
          } else if (step.kind === 'remove') {
            index.removeEvents(step.ids);
            for (const id of step.ids) model.delete(id);
          } else if (step.kind === 'source') {
            index.removeBySource(step.sourceId);
            for (const [id, e] of model) if (e.sourceId === step.sourceId) model.delete(id);
          } else {
            index.rebuild(step.events);
            model.clear();
            for (const e of step.events) model.set(e.id, e);
          }
        }
        expect(index.size).toBe(model.size);
        for (const query of queries) {
          const expected = [...model.values()]
            .filter((e) => query.trim() !== '' && matchesQuery(`${e.text} ${e.actorName} ${e.channel}`, query))
            .sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
            .map((e) => e.id);
          expect(index.search(query)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('createTimelineIndex from stored block postings', () => {
  /** A block as the import writes it: its texts' postings encoded, then decoded as a load does. */
  const stored = (events: readonly SearchableEvent[]) => decodeBlockTerms(encodeBlockTerms(events.map((e) => e.text)));

  it('answers exactly as tokenising every text does, with hidden rows, later edits and removals', () => {
    const word = fc.constantFrom('roll', 'Rollback', 'rôle', 'DATA', 'database', 'dash', 'é', 'e', 'x1', 'İst', 'σ', 'ς', 'Cafe\u0301', '日本', 'ticket-42');
    const phrase = fc.tuple(fc.array(word, { maxLength: 5 }), fc.constantFrom(' ', ', ', '\n', '/')).map(([ws, gap]) => ws.join(gap));
    const meta = { actorName: fc.constantFrom('Bob Kim', 'Élodie', '', 'data-bot'), channel: fc.constantFrom('inc-1', 'général', 'data') };
    const block = fc.array(fc.record({ text: phrase, at: fc.integer({ min: 0, max: 5 }), shown: fc.boolean(), ...meta }), { minLength: 1, maxLength: 12 });
    const later = fc.record({ row: fc.nat(), text: phrase, remove: fc.boolean() });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), fc.array(later, { maxLength: 3 }), fc.array(phrase, { minLength: 1, maxLength: 5 }), (blocks, edits, queries) => {
        const fromBlocks = createTimelineIndex();
        const tokenised = createTimelineIndex();
        const all: SearchableEvent[] = [];
        blocks.forEach((rows, b) => {
          const events = rows.map((r, i) => ({ id: `s${b % 2}:${b}-${i}`, sourceId: `s${b % 2}`, at: r.at, text: r.text, actorName: r.actorName, channel: r.channel }));
          fromBlocks.addBlock(events.map((e, i) => (rows[i].shown ? e : null)), stored(events));
          const shown = events.filter((_, i) => rows[i].shown);
          tokenised.addEvents(shown);
          all.push(...shown);
        });
        for (const edit of edits) {
          const target = all[edit.row % Math.max(1, all.length)];
          if (!target) continue;
          if (edit.remove) for (const index of [fromBlocks, tokenised]) index.removeEvents([target.id]);
          else for (const index of [fromBlocks, tokenised]) index.addEvents([{ ...target, text: edit.text }]);
        }
        expect(fromBlocks.size).toBe(tokenised.size);
        for (const query of [...queries, 'bob', 'gene']) expect(fromBlocks.search(query)).toEqual(tokenised.search(query));
      }),
      { numRuns: 300 },
    );
  });

  it('answers as tokenising every text after removals renumber the documents of several blocks, twice', () => {
    const words = ['roll', 'rollback', 'data', 'pager', 'élodie'];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 9 }), { minLength: 4, maxLength: 4 }), fc.constantFrom(...words), (cuts, query) => {
        const fromBlocks = createTimelineIndex();
        const tokenised = createTimelineIndex();
        cuts.forEach((cut, b) => {
          const events = Array.from({ length: 700 }, (_, i) => ev(`s:${b}-${i}`, b * 1000 + i, `${words[(i + b) % 5]} ${words[(i * 7) % 5]}`));
          fromBlocks.addBlock(events, stored(events));
          tokenised.addEvents(events);
          // Removing most of a block's rows (every row not a multiple of cut + 2) renumbers the documents once enough are gone.
          const gone = events.filter((_, i) => i % (cut + 2) !== 0).map((e) => e.id);
          for (const index of [fromBlocks, tokenised]) index.removeEvents(gone);
        });
        const late = [ev('late', 500, 'rollback data'), ev('s:0-0', 2, 'pager again')];
        for (const index of [fromBlocks, tokenised]) index.addEvents(late);
        expect(fromBlocks.size).toBe(tokenised.size);
        for (const q of [query, 'ro', 'data roll', 'pager']) expect(fromBlocks.search(q)).toEqual(tokenised.search(q));
      }),
      { numRuns: 40 },
    );
  });

  it('refuses postings that name a row the block does not have', () => {
    const index = createTimelineIndex();
    const terms = stored([ev('a', 1, 'one'), ev('b', 2, 'two')]);
    expect(() => index.addBlock([ev('a', 1, 'one')], terms)).toThrow(expect.objectContaining({ code: 'INVALID_SEARCH_POSTINGS' }));
  });

  it('forgets a block event removed later, and compacts hidden rows away', () => {
    const index = createTimelineIndex();
    const events = Array.from({ length: 3000 }, (_, i) => ev(`e${i}`, i, i % 2 === 0 ? 'even' : 'odd'));
    index.addBlock(events.map((e, i) => (i < 2000 ? null : e)), stored(events));
    expect(index.size).toBe(1000);
    expect(index.has('e2000')).toBe(true);
    expect(index.has('e0')).toBe(false);
    index.addEvents([ev('late', 5000, 'even later')]);
    expect(index.search('even').slice(-2)).toEqual(['e2998', 'late']);
    expect(index.search('even')).toHaveLength(501);
  });
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
