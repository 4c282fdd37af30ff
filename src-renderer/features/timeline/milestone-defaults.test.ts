import { describe, expect, it } from 'vitest';
import { defaultMilestoneKind } from './milestone-defaults';

describe('defaultMilestoneKind', () => {
  it('offers the first standard milestone not yet set, then Custom', () => {
    expect(defaultMilestoneKind([])).toBe('Detect');
    expect(defaultMilestoneKind([{ kind: 'Detect' }, { kind: 'Verify' }])).toBe('Assemble');
    const all = ['Detect', 'Assemble', 'Verify', 'Dispatch', 'Mitigate', 'Under Control', 'Repair', 'All Clear'] as const;
    expect(defaultMilestoneKind(all.map((kind) => ({ kind })))).toBe('Custom');
  });
});
