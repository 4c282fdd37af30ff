import { describe, expect, it } from 'vitest';
import { githubIssues, githubIssuesJson } from './github-issues';
import { HANDOFF_ZONE, handoffFixture } from './handoff-fixture';

describe('githubIssues', () => {
  const options = {
    timeZone: HANDOFF_ZONE,
    logins: new Map([['person-alice', 'alice-gh']]),
    milestone: 7,
    priorityLabels: { P1: 'Urgent', P2: 'High', P3: 'Medium', P4: 'Low' },
  };

  it('writes the create-issue body with logins, labels and milestone', () => {
    const [first, second] = githubIssues(handoffFixture(), options);
    expect(first).toEqual({
      title: 'Add canary gate to checkout-api deploys',
      body: [
        'v412 shipped a crash loop; "gate" on error rate.\nThen auto-rollback.',
        '',
        'From the incident review of "Checkout errors, 12 June".',
        '',
        '- Priority: P1\n- Due: 2024-06-28\n- Owner: Alice Moreno',
        '',
        '<!-- debrief-5b0c7c5e-0001-4a8e-9d7e-1f2a3b4c5d6e -->',
      ].join('\n'),
      assignees: ['alice-gh'],
      labels: ['priority: Urgent', 'prevent', 'debrief-5b0c7c5e-0001-4a8e-9d7e-1f2a3b4c5d6e'],
      milestone: 7,
    });
    // No login known for the second owner: unassigned rather than a guessed login.
    expect(second?.assignees).toEqual([]);
    expect(second?.body).not.toContain('Due:');
  });

  it('serialises to a JSON array that parses back to the same issues', () => {
    const json = githubIssuesJson(handoffFixture(), { timeZone: HANDOFF_ZONE });
    const parsed = JSON.parse(json) as { milestone: unknown; labels: string[] }[];
    expect(parsed).toHaveLength(2);
    expect(parsed[0]?.milestone).toBeNull();
    expect(parsed[0]?.labels[0]).toBe('priority: P1');
  });
});
