import type { EventReaction } from '../../model/event';

interface SlackReaction {
  name: string;
  users?: readonly string[] | null;
  count?: number | null;
}

/**
 * Folds skin tones (`+1::skin-tone-3` → `+1`): a review cares that people agreed, not which tone
 * they picked. When every variant lists its users the merged count is the number of distinct
 * people; otherwise the counts are added.
 */
export function foldReactions(reactions: readonly SlackReaction[]): EventReaction[] {
  const merged = new Map<string, { users: Set<string> | null; count: number }>();
  for (const reaction of reactions) {
    const name = reaction.name.split('::')[0] ?? reaction.name;
    const users = reaction.users ?? null;
    const count = reaction.count ?? users?.length ?? 1;
    const slot = merged.get(name) ?? { users: new Set<string>(), count: 0 };
    slot.count += count;
    if (slot.users && users && users.length === count) users.forEach((user) => slot.users?.add(user));
    else slot.users = null;
    merged.set(name, slot);
  }
  return [...merged].map(([name, slot]) => ({ name, count: slot.users ? slot.users.size : slot.count }));
}
