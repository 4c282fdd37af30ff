import { describe, expect, it } from 'vitest';
import { parseTeamWords, teamWordsText } from './team-words';

const empty = { failureDomains: '', triggers: '', detectionMethods: '', resolutions: '' };

describe('the team’s own catalog words', () => {
  it('reads one word per line, drops blank lines and keeps a repeat once whatever its case', () => {
    const parsed = parseTeamWords({ ...empty, failureDomains: 'Payments gateway\n\n  edge  \npayments GATEWAY\r\nSearch cluster' });
    expect(parsed).toEqual({ vocabulary: { failureDomains: ['Payments gateway', 'edge', 'Search cluster'], triggers: [], detectionMethods: [], resolutions: [] } });
  });

  it('shows a saved list as the same lines', () => {
    const vocabulary = { failureDomains: ['edge', 'Payments gateway'], triggers: ['feature flag'], detectionMethods: [], resolutions: ['rollback'] };
    expect(parseTeamWords(teamWordsText(vocabulary))).toEqual({ vocabulary });
  });

  it('names the list and the line of a word that is too long, and refuses a list that is too long', () => {
    expect(parseTeamWords({ ...empty, triggers: `deploy\n${'x'.repeat(121)}` })).toEqual({ error: 'Triggers, line 2: a word can be at most 120 characters.' });
    const many = Array.from({ length: 101 }, (_, i) => `domain ${i}`).join('\n');
    expect(parseTeamWords({ ...empty, resolutions: many })).toEqual({ error: 'Resolutions: at most 100 words (this list has 101).' });
  });
});
