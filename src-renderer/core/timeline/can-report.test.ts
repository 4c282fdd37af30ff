import { describe, expect, it } from 'vitest';
import { findCanReports, recogniseCanReport } from './can-report';

describe('recogniseCanReport', () => {
  it('reads a plain report with multi-line sections', () => {
    const text = 'Status update\nConditions: checkout 5xx at 8%\nEU only so far\nActions: rolling back v412\nNeeds: someone from DBA';
    expect(recogniseCanReport(text)).toEqual({
      conditions: 'checkout 5xx at 8%\nEU only so far',
      actions: 'rolling back v412',
      needs: 'someone from DBA',
    });
  });

  it('accepts markdown and Slack decoration, any case, singular forms and CRLF', () => {
    const text = '*CONDITIONS:* errors falling\r\n- **Action**: rollback done\r\n• _needs_: nothing right now';
    expect(recogniseCanReport(text)).toEqual({ conditions: 'errors falling', actions: 'rollback done', needs: 'nothing right now' });
    expect(recogniseCanReport('> **Conditions:**\n> stable\n> **Actions:** none\n> **Needs:** none')).toEqual({
      conditions: 'stable',
      actions: 'none',
      needs: 'none',
    });
  });

  it('accepts word headings in any order', () => {
    expect(recogniseCanReport('Needs: x\nConditions: y\nActions: z')).toEqual({ conditions: 'y', actions: 'z', needs: 'x' });
  });

  it('accepts the one-letter form only as a full C, A, N sequence', () => {
    expect(recogniseCanReport('C: degraded\nA: failing over\nN: approval from VP')).toEqual({
      conditions: 'degraded',
      actions: 'failing over',
      needs: 'approval from VP',
    });
    expect(recogniseCanReport('N: 5 nodes\nA: yes\nC: done')).toBeNull();
  });

  it('is not fooled by messages missing a heading or merely mentioning the words', () => {
    expect(recogniseCanReport('Conditions: bad\nActions: rollback')).toBeNull();
    expect(recogniseCanReport('The conditions are bad; actions: none; needs: coffee')).toBeNull();
    expect(recogniseCanReport('Q: is it DNS?\nA: it is always DNS')).toBeNull();
    expect(recogniseCanReport('')).toBeNull();
  });

  it('keeps a repeated heading word inside the section it appears in', () => {
    const report = recogniseCanReport('Conditions: ok\nActions:\n- Action: restart pods\nNeeds: none');
    expect(report?.actions).toBe('- Action: restart pods');
  });
});

describe('findCanReports', () => {
  it('lists the reports in the timeline, oldest first, with who posted them', () => {
    const entries = findCanReports([
      { id: 'b', at: 20, actorName: 'Alice', text: 'C: better\nA: monitoring\nN: none' },
      { id: 'x', at: 15, actorName: 'Bob', text: 'lgtm' },
      { id: 'a', at: 10, actorName: 'Alice', text: 'Conditions: bad\nActions: paging DBA\nNeeds: DBA' },
    ]);
    expect(entries.map((e) => [e.eventId, e.actorName, e.needs])).toEqual([
      ['a', 'Alice', 'DBA'],
      ['b', 'Alice', 'none'],
    ]);
  });
});
