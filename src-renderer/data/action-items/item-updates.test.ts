import { describe, expect, it } from 'vitest';
import { matchPerson, statusPatch } from './item-updates';

const NOW = Date.UTC(2024, 6, 1);

describe('statusPatch', () => {
  it('stamps completion when an item is closed and clears it when reopened', () => {
    expect(statusPatch({ status: 'in-progress', completedAt: null }, 'done', NOW)).toEqual({ status: 'done', completedAt: NOW });
    expect(statusPatch({ status: 'done', completedAt: NOW - 5 }, 'open', NOW)).toEqual({ status: 'open', completedAt: null });
  });

  it('keeps the first completion time when moving between done and won’t do', () => {
    expect(statusPatch({ status: 'done', completedAt: NOW - 5 }, 'wont-do', NOW)).toEqual({ status: 'wont-do', completedAt: NOW - 5 });
  });
});

describe('matchPerson', () => {
  const people = [
    { id: 'p1', displayName: 'Priya Raman', email: 'priya@example.com' },
    { id: 'p2', displayName: 'Tom Okafor', email: null },
  ];
  it('matches by name or email ignoring case, and free text matches nobody', () => {
    expect(matchPerson(people, ' priya raman ')?.id).toBe('p1');
    expect(matchPerson(people, 'PRIYA@example.com')?.id).toBe('p1');
    expect(matchPerson(people, 'Someone new')).toBeNull();
    expect(matchPerson(people, '')).toBeNull();
  });
});
