import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { meetingMinutes } from './meeting-minutes';
import { actionItemAuthors, attendees, SharedMeeting, speakers } from './shared-meeting';

describe('the shared review meeting document', () => {
  test('two machines see the same item, timers, hands and attendance', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(b, u, 'net'));
    b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(a, u, 'net'));
    const facilitator = new SharedMeeting(a);
    const participant = new SharedMeeting(b);
    facilitator.start('Ana', 'session-a', 'moment:1', 1_000);
    participant.join('Ben', 1_100);
    facilitator.moveTo('moment:2', 1);
    facilitator.setTimers(new Map([['moment:2', { status: 'running', bankedMs: 0, since: 1_200 }]]));
    participant.raiseHand('h1', 'Ben', 1_300);
    participant.raiseHand('h2', 'Ben', 1_301);
    const seen = participant.snapshot();
    expect(seen).toMatchObject({ active: true, facilitator: 'Ana', facilitatorSession: 'session-a', itemKey: 'moment:2', itemIndex: 1 });
    expect(seen.timers['moment:2']).toEqual({ status: 'running', bankedMs: 0, since: 1_200 });
    expect(facilitator.snapshot().hands).toEqual([{ id: 'h1', name: 'Ben', at: 1_300 }]);
    facilitator.clearHand('h1');
    expect(participant.snapshot().hands).toEqual([]);
    expect(attendees(seen)).toEqual(['Ana', 'Ben']);
    expect(speakers(facilitator.snapshot())).toEqual([{ name: 'Ben', times: 1 }]);
    participant.addedActionItem('item-1', 'Ben', 1_400);
    expect(actionItemAuthors(facilitator.snapshot())).toEqual(new Map([['item-1', 'Ben']]));
    // Adding an action item is not speaking up, nor attending again.
    expect(speakers(facilitator.snapshot())).toEqual([{ name: 'Ben', times: 1 }]);
    expect(attendees(facilitator.snapshot())).toEqual(['Ana', 'Ben']);
    facilitator.end(2_000);
    expect(participant.snapshot()).toMatchObject({ active: false, endedAt: 2_000 });
  });

  test('what a teammate app sent that does not parse is left out', () => {
    const doc = new Y.Doc();
    doc.getArray('hands').push([{ id: 1, name: null }, { id: 'ok', name: 'Cho', at: 5 }]);
    doc.getMap('state').set('timers', { x: { status: 'flying' } });
    const snapshot = new SharedMeeting(doc).snapshot();
    expect(snapshot.hands).toEqual([{ id: 'ok', name: 'Cho', at: 5 }]);
    expect(snapshot.timers).toEqual({});
  });

  test('minutes list attendance, who spoke up, notes, questions and action items created during the meeting', () => {
    const doc = new Y.Doc();
    const meeting = new SharedMeeting(doc);
    meeting.start('Ana', 's', 'k', 1_000);
    meeting.join('Ben', 1_001);
    meeting.raiseHand('h', 'Ben', 1_002);
    meeting.addedActionItem('a2', 'Ben', 1_800);
    const annotation = (id: string, text: string, author: string, at: number, tags: string[] = []) =>
      ({ id, incidentId: 'i', target: { type: 'incident' }, eventId: null, tags, body: '', plainText: text, author, dismissedFindings: [], createdAt: at, updatedAt: at }) as never;
    const minutes = meetingMinutes(
      meeting.snapshot(),
      2_000,
      [annotation('n1', 'Rollback *was* fast', 'Ana', 1_500), annotation('q1', 'Who approves?', 'Ben', 1_600, ['question']), annotation('old', 'Before', 'Ana', 10)],
      [{ id: 'a1', title: 'Canary config deploys', ownerName: 'Priya', createdAt: 1_700 } as never, { id: 'a2', title: 'Page the DBA', ownerName: '', createdAt: 1_800 } as never],
      (ms) => `t${ms}`,
    );
    expect(minutes).toBe(
      [
        '## Review meeting minutes',
        '',
        '- **When:** t1000 – t2000',
        '- **Facilitator:** Ana',
        '- **Attended:** Ana, Ben',
        '- **Spoke up:** Ben',
        '',
        '### Notes and decisions',
        '',
        '- Rollback \\*was\\* fast — Ana',
        '',
        '### Questions',
        '',
        '- Who approves? — Ben',
        '',
        '### Action items created',
        '',
        '- Canary config deploys — owner Priya',
        '- Page the DBA — added by Ben',
      ].join('\n'),
    );
  });
});
