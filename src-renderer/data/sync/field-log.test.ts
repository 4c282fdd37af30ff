import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FieldLog } from './field-log';

/** Two replicas exchanging their full state both ways, as Hocuspocus does on reconnect. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

describe('FieldLog', () => {
  it('keeps both people’s edits to different fields of one record', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = FieldLog.of(docA, 'actionItems', 'device-a');
    const b = FieldLog.of(docB, 'actionItems', 'device-b');
    a.write('item-1', { title: 'Add alert', owner: 'Ana', status: 'open' }, 1000, 'Ana');
    exchange(docA, docB);
    a.write('item-1', { owner: 'Sam' }, 2000, 'Ana');
    b.write('item-1', { status: 'done' }, 2100, 'Ben');
    exchange(docA, docB);
    expect(a.values('item-1')).toEqual({ title: 'Add alert', owner: 'Sam', status: 'done' });
    expect(b.values('item-1')).toEqual(a.values('item-1'));
  });

  it('gives a field to the later write and keeps the other value as history', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = FieldLog.of(docA, 'actionItems', 'device-a');
    const b = FieldLog.of(docB, 'actionItems', 'device-b');
    // B writes later in time even though A's replica is the one applied last.
    b.write('item-1', { priority: 'P1' }, 5000, 'Ben');
    a.write('item-1', { priority: 'P3' }, 4000, 'Ana');
    exchange(docB, docA);
    for (const log of [a, b]) {
      const state = log.fields('item-1')?.get('priority');
      expect(state?.current).toMatchObject({ v: 'P1', by: 'Ben', at: 5000 });
      expect(state?.others).toEqual([{ v: 'P3', by: 'Ana', at: 4000, device: 'device-a' }]);
    }
  });

  it('reports which records a remote update touched', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = FieldLog.of(docA, 'incident', 'device-a');
    const b = FieldLog.of(docB, 'incident', 'device-b');
    const seen: Array<{ ids: string[]; local: boolean }> = [];
    b.onChange((ids, local) => seen.push({ ids: [...ids], local }));
    a.write('inc-1', { title: 'DB failover' }, 1, '');
    exchange(docA, docB);
    b.write('inc-1', { severity: 'SEV2' }, 2, '');
    expect(seen).toEqual([
      { ids: ['inc-1'], local: false },
      { ids: ['inc-1'], local: true },
    ]);
    expect(b.lastWriteAt('inc-1')).toBe(2);
  });

  it('ignores entries that are not field writes (another client’s garbage)', () => {
    const doc = new Y.Doc();
    doc.getMap('incident').set('title|evil|inc-1', 'not a write');
    doc.getMap('incident').set('no-separators', { v: 1, at: 1, by: '' });
    const log = FieldLog.of(doc, 'incident', 'device-a');
    expect(log.values('inc-1')).toEqual({});
    expect(log.recordIds()).toEqual(['inc-1']);
  });
});
