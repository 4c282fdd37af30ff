import { endOfLocalDate } from './due-date';
import type { HandoffItem } from './handoff-item';
import { buildActionItem } from './item-builder';

export const HANDOFF_ZONE = 'America/Los_Angeles';

/** Items that exercise what exports must get right: commas, quotes, newlines, formulas, non-ASCII. */
export function handoffFixture(): HandoffItem[] {
  return [
    {
      incidentTitle: 'Checkout errors, 12 June',
      ownerEmail: 'alice@example.com',
      item: buildActionItem({
        id: '5b0c7c5e-0001-4a8e-9d7e-1f2a3b4c5d6e',
        title: 'Add canary gate to checkout-api deploys',
        description: 'v412 shipped a crash loop; "gate" on error rate.\nThen auto-rollback.',
        ownerId: 'person-alice',
        ownerName: 'Alice Moreno',
        priority: 'P1',
        status: 'in-progress',
        kind: 'prevent',
        dueAt: endOfLocalDate('2024-06-28', HANDOFF_ZONE),
        updatedAt: Date.parse('2024-06-21T10:15:30.123Z'),
      }),
    },
    {
      incidentTitle: 'Checkout errors, 12 June',
      ownerEmail: null,
      item: buildActionItem({
        id: '5b0c7c5e-0002-4a8e-9d7e-1f2a3b4c5d6e',
        title: '=HYPERLINK("http://evil.example","click")',
        description: '@SUM(A1:A9)',
        ownerName: '+Bob',
        priority: 'P3',
        status: 'blocked',
        kind: 'detect',
        dueAt: null,
        updatedAt: Date.parse('2024-06-21T11:00:00Z'),
      }),
    },
  ];
}
