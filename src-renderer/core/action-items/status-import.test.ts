import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../model/action-item';
import { endOfLocalDate } from './due-date';
import { HANDOFF_ZONE, handoffFixture } from './handoff-fixture';
import { buildActionItem } from './item-builder';
import { jiraCsv } from './jira-csv';
import { linearCsv } from './linear-csv';
import { StatusImportError } from './status-import-error';
import { planStatusImport, STATUS_IMPORT_MAX_CHARS, type StatusImportContext } from './status-import';

const fixture = handoffFixture();
const items: ActionItem[] = fixture.map((h) => h.item);
const [alice, bob] = items as [ActionItem, ActionItem];
const people = new Map([['person-alice', { displayName: 'Alice Moreno', email: 'alice@example.com' }]]);
const context: StatusImportContext = { items, timeZone: HANDOFF_ZONE, people };

/** Edits an exported CSV as a user would in a spreadsheet: by header name and row. */
function edit(csv: string, changes: Record<number, Record<string, string>>): string {
  const rows = Papa.parse<string[]>(csv, { header: false }).data;
  const header = rows[0] ?? [];
  for (const [row, cells] of Object.entries(changes)) {
    for (const [name, value] of Object.entries(cells)) {
      const target = rows[Number(row)];
      if (target) target[header.indexOf(name)] = value;
    }
  }
  return Papa.unparse(rows, { newline: '\r\n' });
}

describe('planStatusImport with an exported Jira file', () => {
  const exported = jiraCsv(fixture, { timeZone: HANDOFF_ZONE });

  it('finds nothing to change in an untouched export', () => {
    const plan = planStatusImport(exported, context);
    expect(plan).toMatchObject({ items: [], unknown: [], errors: [], conflictCheck: true });
    expect(plan.unchanged.sort()).toEqual([alice.id, bob.id].sort());
  });

  it('plans status, owner and due-date changes made in the tracker', () => {
    const csv = edit(exported, { 1: { Status: 'Done', Assignee: 'carol@example.com', 'Due Date': '2024-07-05' } });
    const plan = planStatusImport(csv, context);
    expect(plan.items).toEqual([
      {
        itemId: alice.id,
        line: 2,
        exportedUpdatedAt: alice.updatedAt,
        conflicts: [],
        changes: [
          { field: 'status', from: 'in-progress', to: 'done' },
          { field: 'owner', from: 'alice@example.com', to: 'carol@example.com' },
          { field: 'dueAt', from: alice.dueAt, to: endOfLocalDate('2024-07-05', HANDOFF_ZONE) },
        ],
      },
    ]);
  });

  it('reports a conflict instead of a change when the item was edited in Debrief after the export', () => {
    const csv = edit(exported, { 1: { Status: 'Done' } });
    const edited = { ...alice, updatedAt: alice.updatedAt + 1, title: 'Changed locally' };
    const plan = planStatusImport(csv, { ...context, items: [edited, bob] });
    expect(plan.items).toEqual([
      { itemId: alice.id, line: 2, exportedUpdatedAt: alice.updatedAt, changes: [], conflicts: [{ field: 'status', from: 'in-progress', to: 'done' }] },
    ]);
  });

  it('matches the owner by name or email, ignoring case', () => {
    const plan = planStatusImport(edit(exported, { 1: { Assignee: 'ALICE MORENO' } }), context);
    expect(plan.items).toEqual([]);
  });

  it('reads the dates Jira itself exports', () => {
    const plan = planStatusImport(edit(exported, { 1: { 'Due Date': '05/Jul/24 12:00 AM' } }), context);
    expect(plan.items[0]?.changes).toEqual([{ field: 'dueAt', from: alice.dueAt, to: endOfLocalDate('2024-07-05', HANDOFF_ZONE) }]);
  });

  it('still finds the item by its id label when the Debrief ID column was dropped', () => {
    const rows = Papa.parse<string[]>(edit(exported, { 1: { Status: 'Done' } }), { header: false }).data.map((r) => r.slice(0, -2));
    const plan = planStatusImport(Papa.unparse(rows), context);
    expect(plan.items.map((i) => [i.itemId, i.changes[0]?.field])).toEqual([[alice.id, 'status']]);
    expect(plan.conflictCheck).toBe(false);
  });
});

describe('planStatusImport with an exported Linear file', () => {
  it('reads In Progress plus the blocked label back as blocked', () => {
    const plan = planStatusImport(linearCsv(fixture, { timeZone: HANDOFF_ZONE }), context);
    expect(plan.items).toEqual([]);
    expect(plan.errors).toEqual([]);
  });

  it('maps Canceled to wont-do', () => {
    const csv = edit(linearCsv(fixture, { timeZone: HANDOFF_ZONE }), { 2: { Status: 'Canceled' } });
    expect(planStatusImport(csv, context).items[0]?.changes).toEqual([{ field: 'status', from: 'blocked', to: 'wont-do' }]);
  });
});

describe('planStatusImport with a simple id,status,owner,due file', () => {
  it('plans changes but says conflicts could not be checked', () => {
    const plan = planStatusImport(`id,status,owner,due\n${bob.id},in progress,,2024-08-01\n`, context);
    expect(plan.conflictCheck).toBe(false);
    expect(plan.items[0]).toMatchObject({
      itemId: bob.id,
      exportedUpdatedAt: null,
      changes: [
        { field: 'status', from: 'blocked', to: 'in-progress' },
        { field: 'dueAt', from: null, to: endOfLocalDate('2024-08-01', HANDOFF_ZONE) },
      ],
    });
  });

  it('reports unknown ids, bad rows and duplicates with the line each row starts on', () => {
    const csv = [
      'id,status,owner,due',
      `${alice.id},done,"Alice\nMoreno",`, // owner cell spans lines 2-3
      'no-such-item,done,,',
      `${bob.id},finished,,`,
      `${bob.id},open,,31/12/2024`,
      `${alice.id},open,,`,
      ',done,,',
    ].join('\n');
    const plan = planStatusImport(csv, context);
    expect(plan.unknown).toEqual([{ line: 4, key: 'no-such-item' }]);
    expect(plan.errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ['BAD_STATUS', 5, 'status'],
      ['BAD_DATE', 6, 'due'],
      ['DUPLICATE_ROW', 7, undefined],
      ['NO_ITEM_KEY', 8, undefined],
    ]);
    expect(plan.errors.every((e) => e instanceof StatusImportError)).toBe(true);
    expect(plan.items.map((i) => [i.itemId, i.line])).toEqual([[alice.id, 2]]);
  });
});

describe('planStatusImport matching by tracker link', () => {
  const linked = buildActionItem({ id: 'linked', status: 'open', trackerUrl: 'https://jira.example.com/browse/OPS-12' });
  const ctx = { items: [linked], timeZone: 'UTC' };

  it('matches an Issue key against the end of the tracker URL', () => {
    expect(planStatusImport('Issue key,Status\nops-12,Done\n', ctx).items[0]).toMatchObject({ itemId: 'linked' });
  });

  it('matches a full URL, ignoring a trailing slash', () => {
    expect(planStatusImport('URL,Status\nhttps://jira.example.com/browse/OPS-12/,Done\n', ctx).items[0]).toMatchObject({ itemId: 'linked' });
  });

  it("matches Linear's ID column against an issue link that ends in a slug", () => {
    const linear = buildActionItem({ id: 'lin', trackerUrl: 'https://linear.app/acme/issue/ENG-7/add-canary' });
    const plan = planStatusImport('ID,Status\nENG-7,Done\nENG-8,Done\n', { items: [linear], timeZone: 'UTC' });
    expect(plan.items[0]).toMatchObject({ itemId: 'lin' });
    expect(plan.unknown).toEqual([{ line: 3, key: 'ENG-8' }]);
  });
});

describe('planStatusImport file-level errors', () => {
  const code = (text: string) => {
    try {
      planStatusImport(text, context);
    } catch (e) {
      return e instanceof StatusImportError ? e.code : 'not typed';
    }
    return 'no error';
  };

  it('throws typed errors for files it cannot use at all', () => {
    expect(code('')).toBe('EMPTY');
    expect(code('\n\n')).toBe('EMPTY');
    expect(code('Summary,Status\nx,Done\n')).toBe('NO_MATCH_COLUMN');
    expect(code('id,Summary\nx,y\n')).toBe('NO_UPDATE_COLUMN');
    expect(code(`id,status\n${'x'.repeat(STATUS_IMPORT_MAX_CHARS)}`)).toBe('TOO_LARGE');
  });

  it('undoes formula neutralisation and a byte-order mark', () => {
    const plan = planStatusImport(`\uFEFFid,status,owner\n${bob.id},blocked,'+Bob\n`, context);
    expect(plan.unchanged).toEqual([bob.id]);
  });

  it('reports a broken quote as a bad row', () => {
    const plan = planStatusImport(`id,status\n${bob.id},"done\n`, context);
    expect(plan.errors[0]).toMatchObject({ code: 'BAD_CSV', line: 2 });
  });
});
