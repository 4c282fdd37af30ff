import { describe, expect, it } from 'vitest';
import { applyFieldChanges, IMPORTED_WONT_DO_REASON } from './apply-changes';
import { buildActionItem } from './item-builder';

const now = Date.parse('2024-07-01T09:00:00Z');
const resolveOwner = (text: string) => (text === 'carol@example.com' ? { id: 'person-carol', name: 'Carol Diaz' } : null);

describe('applyFieldChanges', () => {
  const item = buildActionItem({ id: 'a', status: 'in-progress', dueAt: 1000, ownerId: 'person-alice', ownerName: 'Alice' });

  it('closing stamps completedAt, and an imported due date counts as set by hand', () => {
    const next = applyFieldChanges(
      item,
      [
        { field: 'status', from: 'in-progress', to: 'done' },
        { field: 'dueAt', from: 1000, to: 2000 },
      ],
      { now, resolveOwner },
    );
    expect(next).toMatchObject({ status: 'done', completedAt: now, dueAt: 2000, dueSetByHand: true, updatedAt: now });
    expect(item.status).toBe('in-progress');
  });

  it("won't do gets a reason when the item has none; reopening clears completedAt", () => {
    const wont = applyFieldChanges(item, [{ field: 'status', from: 'in-progress', to: 'wont-do' }], { now, resolveOwner });
    expect(wont.wontDoReason).toBe(IMPORTED_WONT_DO_REASON);
    const reopened = applyFieldChanges(wont, [{ field: 'status', from: 'wont-do', to: 'open' }], { now: now + 1, resolveOwner });
    expect(reopened).toMatchObject({ status: 'open', completedAt: null });
    const kept = applyFieldChanges({ ...item, wontDoReason: 'Superseded by OPS-9' }, [{ field: 'status', from: 'in-progress', to: 'wont-do' }], {
      now,
      resolveOwner,
    });
    expect(kept.wontDoReason).toBe('Superseded by OPS-9');
  });

  it('links a known owner and keeps an unknown one as a name only', () => {
    expect(applyFieldChanges(item, [{ field: 'owner', from: 'Alice', to: 'carol@example.com' }], { now, resolveOwner })).toMatchObject({
      ownerId: 'person-carol',
      ownerName: 'Carol Diaz',
    });
    expect(applyFieldChanges(item, [{ field: 'owner', from: 'Alice', to: 'Dev Team' }], { now, resolveOwner })).toMatchObject({
      ownerId: null,
      ownerName: 'Dev Team',
    });
  });

  it('leaves the item untouched when nothing is applied', () => {
    expect(applyFieldChanges(item, [], { now, resolveOwner })).toEqual(item);
  });
});
