import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HANDOFF_ZONE, handoffFixture } from './handoff-fixture';
import { linearCsv } from './linear-csv';

describe('linearCsv', () => {
  const rows = Papa.parse<Record<string, string>>(linearCsv(handoffFixture(), { timeZone: HANDOFF_ZONE, extraLabels: ['postmortem'] }), {
    header: true,
  }).data;

  it('writes Linear columns with its priority and status names and ", "-joined labels', () => {
    expect(rows[0]).toEqual({
      Title: 'Add canary gate to checkout-api deploys',
      Description: 'v412 shipped a crash loop; "gate" on error rate.\nThen auto-rollback.\n\nFrom the incident review of "Checkout errors, 12 June".',
      Status: 'In Progress',
      Priority: 'Urgent',
      Assignee: 'alice@example.com',
      Labels: 'postmortem, prevent, debrief-5b0c7c5e-0001-4a8e-9d7e-1f2a3b4c5d6e',
      'Due Date': '2024-06-28',
      'Debrief ID': '5b0c7c5e-0001-4a8e-9d7e-1f2a3b4c5d6e',
      'Debrief Updated': '2024-06-21T10:15:30.123Z',
    });
  });

  it('marks blocked items with a label, since Linear has no Blocked state', () => {
    expect(rows[1]?.Status).toBe('In Progress');
    expect(rows[1]?.Labels.split(', ')[0]).toBe('blocked');
    expect(rows[1]?.Priority).toBe('Medium');
  });

  it('neutralises formula cells', () => {
    expect(rows[1]?.Title.startsWith("'=")).toBe(true);
    expect(rows[1]?.Assignee).toBe("'+Bob");
  });
});
