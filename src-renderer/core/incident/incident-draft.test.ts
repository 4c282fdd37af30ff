import { describe, expect, it } from 'vitest';
import { checkDraft, emptyDraft, parseServices } from './incident-draft';

const base = () => ({ ...emptyDraft('UTC', Date.UTC(2024, 5, 12)), title: 'Checkout 5xx' });

describe('incident drafts', () => {
  it('accepts a complete draft', () => {
    expect(checkDraft(base())).toEqual([]);
  });

  it('requires a title and a real zone, naming the field', () => {
    const problems = checkDraft({ ...base(), title: '  ', timeZone: 'Nowhere/Land' });
    expect(problems.map((p) => [p.field, p.severity])).toEqual([
      ['title', 'error'],
      ['timeZone', 'error'],
    ]);
  });

  it('warns, but does not block, when times are out of order', () => {
    const draft = { ...base(), startedAt: 2000, detectedAt: 1000, resolvedAt: 500 };
    const problems = checkDraft(draft);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.map((p) => p.field)).toEqual(['detectedAt', 'resolvedAt']);
  });

  it('flags unparseable times as errors', () => {
    expect(checkDraft({ ...base(), detectedAt: Number.NaN })[0]).toMatchObject({ field: 'detectedAt', severity: 'error' });
  });

  it('parses services from commas and lines, keeping order and dropping repeats', () => {
    expect(parseServices('checkout, payments-api\ncheckout,, edge ')).toEqual(['checkout', 'payments-api', 'edge']);
  });
});
