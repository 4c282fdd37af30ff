import { describe, expect, it } from 'vitest';
import { checkItemDraft } from './item-draft';

const base = { title: 'Add a canary stage', status: 'open' as const, wontDoReason: '', trackerUrl: '' };

describe('checkItemDraft', () => {
  it('accepts a titled item', () => {
    expect(checkItemDraft(base)).toEqual([]);
  });

  it("names each field that blocks saving: title, won't-do reason, tracker link", () => {
    const problems = checkItemDraft({ title: '  ', status: 'wont-do', wontDoReason: ' ', trackerUrl: 'javascript:alert(1)' });
    expect(problems.map((p) => p.field)).toEqual(['title', 'wontDoReason', 'trackerUrl']);
  });

  it("accepts won't do once a reason is given", () => {
    expect(checkItemDraft({ ...base, status: 'wont-do', wontDoReason: 'Service is being retired' })).toEqual([]);
  });
});
