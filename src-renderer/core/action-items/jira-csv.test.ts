import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HANDOFF_ZONE, handoffFixture } from './handoff-fixture';
import { jiraCsv } from './jira-csv';

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { header: false }).data;
}

describe('jiraCsv', () => {
  const items = handoffFixture();
  const rows = parse(jiraCsv(items, { timeZone: HANDOFF_ZONE, extraLabels: ['postmortem'] }));

  it('writes the columns Jira maps, with Labels repeated once per label', () => {
    expect(rows[0]).toEqual(['Summary', 'Description', 'Issue Type', 'Priority', 'Status', 'Due Date', 'Assignee', 'Labels', 'Labels', 'Labels', 'Debrief ID', 'Debrief Updated']);
    expect(rows).toHaveLength(3);
  });

  it('writes the item with Jira priority, local due date, email assignee and the id label', () => {
    expect(rows[1]).toEqual([
      'Add canary gate to checkout-api deploys',
      'v412 shipped a crash loop; "gate" on error rate.\nThen auto-rollback.\n\nFrom the incident review of "Checkout errors, 12 June".',
      'Task',
      'Highest',
      'In Progress',
      '2024-06-28',
      'alice@example.com',
      'postmortem',
      'prevent',
      'debrief-5b0c7c5e-0001-4a8e-9d7e-1f2a3b4c5d6e',
      '5b0c7c5e-0001-4a8e-9d7e-1f2a3b4c5d6e',
      '2024-06-21T10:15:30.123Z',
    ]);
  });

  it('neutralises formulas and falls back to the owner name without an email', () => {
    const row = rows[2] ?? [];
    expect(row[0]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(row[1]?.startsWith("'@SUM")).toBe(true);
    expect(row[3]).toBe('Medium');
    expect(row[4]).toBe('Blocked');
    expect(row[5]).toBe('');
    expect(row[6]).toBe("'+Bob");
  });

  it('writes the due date as the local day, not the UTC one', () => {
    // 2024-06-28 23:59 in Los Angeles is already the 29th in UTC.
    const utcRows = parse(jiraCsv(items, { timeZone: 'UTC' }));
    expect(utcRows[1]?.[5]).toBe('2024-06-29');
  });
});
