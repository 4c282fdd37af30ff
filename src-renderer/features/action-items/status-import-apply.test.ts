import { describe, expect, it } from 'vitest';
import type { StatusImportPlan } from '@core/action-items/status-import';
import { chosenChanges, conflictKey } from './status-import-apply';

const plan: StatusImportPlan = {
  items: [
    { itemId: 'a', line: 2, changes: [{ field: 'status', from: 'open', to: 'done' }], conflicts: [], exportedUpdatedAt: 1 },
    {
      itemId: 'b',
      line: 3,
      changes: [],
      conflicts: [
        { field: 'status', from: 'open', to: 'blocked' },
        { field: 'owner', from: 'Priya', to: 'Tom' },
      ],
      exportedUpdatedAt: 1,
    },
  ],
  unchanged: [],
  unknown: [],
  errors: [],
  conflictCheck: true,
};

describe('chosenChanges', () => {
  it('applies safe changes and leaves every conflict out unless "use theirs" was picked for it', () => {
    expect(chosenChanges(plan, new Set())).toEqual([{ itemId: 'a', changes: [{ field: 'status', from: 'open', to: 'done' }] }]);
    const withOwner = chosenChanges(plan, new Set([conflictKey('b', 'owner')]));
    expect(withOwner[1]).toEqual({ itemId: 'b', changes: [{ field: 'owner', from: 'Priya', to: 'Tom' }] });
  });
});
