import { describe, expect, it } from 'vitest';
import { matchesQuery, normaliseForSearch, queryTerms, tokenise } from './search-text';

describe('search text normalisation', () => {
  it('folds case and accents, in precomposed and decomposed forms alike', () => {
    expect(normaliseForSearch('Ça DÉRAILLE à Zürich')).toBe('ca derraille a zurich'.replace('derraille', 'deraille'));
    expect(normaliseForSearch('Cafe\u0301')).toBe(normaliseForSearch('Café'));
    expect(normaliseForSearch('İSTANBUL')).toBe('istanbul');
    expect(normaliseForSearch('ΟΔΟΣ')).toBe(normaliseForSearch('οδοσ'));
  });

  it('splits words on anything but letters and digits', () => {
    expect(tokenise('checkout-api 5xx > 5%; rolled back v411')).toEqual(['checkout', 'api', '5xx', '5', 'rolled', 'back', 'v411']);
    expect(queryTerms('Roll roll ROLL')).toEqual(['roll']);
  });

  it('matches when every query word prefixes some word', () => {
    expect(matchesQuery('Rolled back to v411 — Évaluation OK', 'roll eval')).toBe(true);
    expect(matchesQuery('Rolled back to v411', 'roll forward')).toBe(false);
    expect(matchesQuery('rebooted', 'boot')).toBe(false);
    expect(matchesQuery('anything', '  ')).toBe(true);
  });
});
