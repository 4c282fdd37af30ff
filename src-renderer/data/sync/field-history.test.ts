import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fieldConflicts } from './field-history';
import { FieldLog } from './field-log';

describe('fieldConflicts', () => {
  it('lists fields two people set differently, the later value first, and leaves agreed fields out', () => {
    const doc = new Y.Doc();
    const ana = FieldLog.of(doc, 'actionItems', 'device-a');
    const ben = FieldLog.of(doc, 'actionItems', 'device-b');
    ana.write('item-1', { ownerName: 'Sam', status: 'in-progress', priority: 'P2' }, 1_000, 'Ana');
    ben.write('item-1', { ownerName: 'Kim', priority: 'P2' }, 2_000, 'Ben');
    ben.write('item-1', { _deleted: false }, 2_000, 'Ben');
    const entries = fieldConflicts(ana.fields('item-1'));
    expect(entries).toEqual([{ field: 'ownerName', current: { value: 'Kim', by: 'Ben', at: 2_000 }, others: [{ value: 'Sam', by: 'Ana', at: 1_000 }] }]);
    expect(fieldConflicts(ana.fields('item-1'), ['status'])).toEqual([]);
    expect(fieldConflicts(undefined)).toEqual([]);
  });
});
