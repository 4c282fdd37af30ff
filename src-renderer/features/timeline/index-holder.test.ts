import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBlockTerms, encodeBlockTerms, type EventBlockPostings } from '@core/events/block-terms';
import type { TimelineEvent } from '@core/model/event';
import { newTimelineEvent } from '@core/model/new-event';
import { createTimelineIndex } from '@core/timeline/search-index';
import { adoptIndex, applyChanges, buildSteps, createIndexHolder } from './index-holder';
import { runStaged } from './stage-cache';

const WORDS = ['rollback', 'roll', 'data', 'pager', 'élodie', 'deploy'];

function event(n: number, text: string, actorName = 'Bob'): TimelineEvent {
  return newTimelineEvent({ id: `s:${n}`, incidentId: 'i', sourceId: 's', sourceFormat: 'slack-export', dedupeKey: `k${n}`, at: n, originalTime: '', actorName, channel: 'inc', text });
}

/** Blocks of three rows as a load hands them over: the postings name the very objects listed. */
function postingsOf(events: readonly TimelineEvent[]): EventBlockPostings[] {
  const blocks: EventBlockPostings[] = [];
  for (let i = 0; i < events.length; i += 3) {
    const rows = events.slice(i, i + 3);
    blocks.push({ sourceId: 's', rows, terms: decodeBlockTerms(encodeBlockTerms(rows.map((e) => e.text))) });
  }
  return blocks;
}

const change = fc.oneof(
  fc.record({ kind: fc.constant('pin' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
);

describe('building from a full load', () => {
  it('answers as the tokenised index when told which events no block covers (no row checked)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 10 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }), (texts, typed) => {
        const loaded = texts.map((text, n) => event(n, text));
        const typedIn = typed.map((text, n) => event(100 + n, text, 'Dana'));
        const list = [...loaded, ...typedIn].sort((a, b) => a.at - b.at);
        const fast = createIndexHolder('i');
        runStaged(() => buildSteps(fast, list, postingsOf(loaded), typedIn));
        const checked = createIndexHolder('i');
        runStaged(() => buildSteps(checked, list, postingsOf(loaded)));
        const fresh = createTimelineIndex();
        fresh.addEvents(list);
        expect(fast.index.size).toBe(list.length);
        for (const query of [...WORDS, 'bob', 'dana', 'ro']) {
          expect(fast.index.search(query)).toEqual(fresh.search(query));
          expect(checked.index.search(query)).toEqual(fresh.search(query));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('taking over an index built while loading', () => {
  it('keeps it current with later changes as if the holder had built it', () => {
    const list = ['rollback', 'pager', 'data', 'roll'].map((text, n) => event(n, text));
    const built = createTimelineIndex();
    for (const block of postingsOf(list)) built.addBlock(block.rows, block.terms);
    built.prepare();
    const holder = createIndexHolder('i');
    adoptIndex(holder, built, list);
    expect(holder.built).toBe(true);
    const next = [{ ...list[0], text: 'pager' }, ...list.slice(1, 3), event(9, 'rollback')];
    expect(applyChanges(holder, next)).toBeGreaterThan(0);
    const fresh = createTimelineIndex();
    fresh.addEvents(next);
    for (const query of [...WORDS, 'bob', 'ro']) expect(holder.index.search(query)).toEqual(fresh.search(query));
  });
});

describe('the timeline index of a changing list', () => {
  it('answers as an index tokenised from the current list, after stale postings and every kind of change', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }), fc.array(change, { maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }), (texts, changes, staleRows) => {
        const loaded = texts.map((text, n) => event(n, text));
        const postings = postingsOf(loaded);
        // Some events were pinned between the load and the build: new objects, same words.
        const list = loaded.map((e, n) => (staleRows.includes(n) ? { ...e, pinned: true } : e));
        const holder = createIndexHolder('i');
        runStaged(() => buildSteps(holder, list, postings));
        holder.built = true;
        let current: TimelineEvent[] = list;
        let next = texts.length;
        const check = () => {
          const fresh = createTimelineIndex();
          fresh.addEvents(current);
          expect(holder.index.size).toBe(current.length);
          for (const query of [...WORDS, 'bob', 'dana', 'ro']) expect(holder.index.search(query)).toEqual(fresh.search(query));
        };
        check();
        for (const step of changes) {
          const at = current.length ? ('at' in step ? step.at % current.length : 0) : -1;
          if (step.kind === 'add') current = [...current, event(next++, step.word)];
          else if (at < 0) continue;
          else if (step.kind === 'insert') current = [...current.slice(0, at), event(next++, step.word), ...current.slice(at)];
          else if (step.kind === 'move') {
            // The same object elsewhere in the list (an event whose time changed): nothing to re-index.
            const moved = current.filter((_, i) => i !== at);
            moved.splice(step.to % (moved.length + 1), 0, current[at]);
            current = moved;
          } else if (step.kind === 'remove') current = current.filter((_, i) => i !== at);
          else current = current.map((e, i) => (i !== at ? e : step.kind === 'pin' ? { ...e, pinned: !e.pinned } : step.kind === 'edit' ? { ...e, text: step.word } : { ...e, actorName: 'Dana' }));
          applyChanges(holder, current);
          check();
        }
      }),
      { numRuns: 300 },
    );
  });
});
