import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../model/event';
import { newTimelineEvent } from '../model/new-event';
import { blockEvent, decodeEventBlock, encodeEventBlock, toBlockEvent } from './event-block';

const event = (id: string, extra: Partial<TimelineEvent> = {}) =>
  toBlockEvent(newTimelineEvent({ id, incidentId: 'i', sourceId: 's', sourceFormat: 'slack-export', dedupeKey: `slack-export:${id}`, at: 1, text: 'hi @Kenji Sato', ...extra }));

describe('event blocks', () => {
  it('keep the names a message mentions and whether a reply was also sent to the channel', () => {
    const block = decodeEventBlock(encodeEventBlock([event('a', { mentions: ['Kenji Sato'], alsoInChannel: true, threadParentKey: 'slack-export:p' }), event('b')], 0));
    expect(blockEvent(block, 0)).toMatchObject({ mentions: ['Kenji Sato'], alsoInChannel: true, threadParentKey: 'slack-export:p' });
    const plain = blockEvent(block, 1);
    expect(plain.mentions).toBeUndefined();
    expect(plain.alsoInChannel).toBeUndefined();
  });
});
