import { describe, expect, it } from 'vitest';
import { countFromText } from './policy-summary';

const review = { countFrom: 'review' as const };
const resolution = { countFrom: 'resolution' as const };

describe('countFromText', () => {
  it('names the review when the incident has a review date', () => {
    expect(countFromText(review, { reviewAt: 2_000, resolvedAt: 1_000 })).toBe('from review');
  });

  it('says due dates count from the resolution when no review date exists', () => {
    expect(countFromText(review, { reviewAt: null, resolvedAt: 1_000 })).toBe('from resolution (no review date yet)');
  });

  it('says the review is used when a resolution-based policy has no resolution', () => {
    expect(countFromText(resolution, { reviewAt: 2_000, resolvedAt: null })).toBe('from review (no resolution date yet)');
  });

  it("falls back to each item's creation when neither date is set", () => {
    expect(countFromText(review, { reviewAt: null, resolvedAt: null })).toBe(
      "from each item's creation (no review or resolution date yet)",
    );
  });

  it('explains the fallback on the overview across incidents', () => {
    expect(countFromText(review)).toBe('from review (or resolution when an incident has no review date)');
  });
});
