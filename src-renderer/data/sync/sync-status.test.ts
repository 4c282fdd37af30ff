import { describe, expect, it } from 'vitest';
import { combineStatuses, describeStatus } from './sync-status';

describe('sync status', () => {
  it('shows the worst document and adds up the changes waiting', () => {
    const status = combineStatuses([
      { state: 'synced', waiting: 0, reason: '' },
      { state: 'waiting', waiting: 2, reason: '' },
      { state: 'offline', waiting: 1, reason: '' },
    ]);
    expect(status).toEqual({ state: 'offline', waiting: 3, reason: '' });
    expect(describeStatus(status)).toBe('Offline · 3 changes waiting');
  });

  it('says "N changes waiting" when connected with unacknowledged changes', () => {
    const status = combineStatuses([
      { state: 'synced', waiting: 0, reason: '' },
      { state: 'synced', waiting: 1, reason: '' },
    ]);
    expect(describeStatus(status)).toBe('1 change waiting');
    expect(describeStatus(combineStatuses([]))).toBe('Not shared');
  });

  it('names why the server refused', () => {
    expect(describeStatus(combineStatuses([{ state: 'refused', waiting: 0, reason: 'wrong-team' }]))).toBe('Refused: the token is for another team');
  });
});
