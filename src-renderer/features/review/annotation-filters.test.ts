import { describe, expect, it } from 'vitest';
import { toggleTag } from '@data/annotations';
import { countByEvent, countByTag, filterAnnotations, NO_FILTER, openQuestions } from './annotation-filters';
import { annotation } from './test-fixtures';

const list = [
  annotation('a', { type: 'incident' }, { tags: ['went well'], plainText: 'Rollback was quick', author: 'Tom', updatedAt: 3 }),
  annotation('b', { type: 'event', eventId: 'e1' }, { tags: ['question', 'contributing factor'], plainText: 'Why did the canary pass?', author: 'Lena', updatedAt: 5 }),
  annotation('c', { type: 'range', from: 0, to: 10 }, { tags: [], plainText: 'Pager fatigue during the night', author: 'Priya', updatedAt: 4 }),
  annotation('d', { type: 'event', eventId: 'e1' }, { tags: ['question'], plainText: '   ', updatedAt: 1 }),
];

describe('annotation filters', () => {
  it('shows everything newest first without a filter', () => {
    expect(filterAnnotations(list, NO_FILTER).map((a) => a.id)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('filters by any of the chosen tags, by target and by words in text, author or tags', () => {
    expect(filterAnnotations(list, { ...NO_FILTER, tags: ['went well', 'contributing factor'] }).map((a) => a.id)).toEqual(['b', 'a']);
    expect(filterAnnotations(list, { ...NO_FILTER, target: 'event' }).map((a) => a.id)).toEqual(['b', 'd']);
    expect(filterAnnotations(list, { ...NO_FILTER, text: 'PAGER night' }).map((a) => a.id)).toEqual(['c']);
    expect(filterAnnotations(list, { ...NO_FILTER, text: 'lena' }).map((a) => a.id)).toEqual(['b']);
    expect(filterAnnotations(list, { tags: ['question'], target: 'event', text: 'canary' }).map((a) => a.id)).toEqual(['b']);
  });

  it('matches words without caring about accents', () => {
    const accented = [annotation('x', { type: 'incident' }, { plainText: 'Réplica lag in São Paulo' })];
    expect(filterAnnotations(accented, { ...NO_FILTER, text: 'replica sao' })).toHaveLength(1);
  });

  it('counts tags, open questions with text, and annotations per event', () => {
    expect(countByTag(list)).toMatchObject({ question: 2, 'went well': 1, 'contributing factor': 1, 'follow-up': 0 });
    expect(openQuestions(list).map((a) => a.id)).toEqual(['b']);
    expect(countByEvent(list)).toEqual(new Map([['e1', 2]]));
  });

  it('toggles tags and keeps them in the canonical order', () => {
    expect(toggleTag(['follow-up'], 'question')).toEqual(['question', 'follow-up']);
    expect(toggleTag(['question', 'follow-up'], 'question')).toEqual(['follow-up']);
  });
});
