import { describe, expect, it } from 'vitest';
import { parseSlackExport } from '@core/importers/slack/slack-export';
import { buildExportZip, channel, message, tsAt, user } from '@core/importers/slack/__fixtures__/build-export';
import { DesktopFile, IPC_CHUNK_BYTES, type ReadRange } from '@platform/desktop-file';
import { sha256OfInput } from './file-hash';
import { groupPickedFiles, toImportInput } from './picked-input';
import { fromWireInput, toWireInput } from './wire-input';

/** Random bytes (they do not compress), so the filler entry stays as large in the ZIP. */
function noise(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(out.subarray(i, Math.min(size, i + 65536)));
  return out;
}

const FILLER = 3 * IPC_CHUNK_BYTES;
const zip = buildExportZip({
  users: [user('U0ALICE', 'alice'), user('U0BOB', 'bob')],
  channels: [channel('C1', 'incident-2041', ['U0ALICE', 'U0BOB'])],
  days: {
    'incident-2041/2024-06-12': [message(tsAt('2024-06-12T14:00:00Z'), 'U0ALICE', 'SEV2: checkout errors'), message(tsAt('2024-06-12T14:07:00Z'), 'U0BOB', 'rolled back, Under Control')],
  },
  // An attachment-sized entry no importer reads: a lazy reader never fetches it.
  extra: { 'files/heap-dump.bin': noise(FILLER) },
});

/** The desktop bridge over the ZIP's bytes, enforcing its limits and counting what it served. */
function bridge() {
  let served = 0;
  let largest = 0;
  const readRange: ReadRange = async (handle, offset, length) => {
    if (handle !== 'f0c1d2e3-0000-4000-8000-000000000001') throw new Error('unknown handle');
    if (length > IPC_CHUNK_BYTES) throw new Error('over one chunk');
    served += Math.min(length, zip.length - offset);
    largest = Math.max(largest, length);
    return zip.slice(offset, offset + length);
  };
  return { readRange, stats: () => ({ served, largest }) };
}

describe('desktop-picked files in the import worker', () => {
  it('import the same as a browser File, reading only the ranges the lazy ZIP reader asks for', async () => {
    const { readRange, stats } = bridge();
    const desktop = new DesktopFile({ handle: 'f0c1d2e3-0000-4000-8000-000000000001', name: 'export.zip', size: zip.length, lastModified: 0 }, readRange);
    const [picked] = groupPickedFiles([{ file: desktop, path: 'export.zip' }]);
    if (!picked) throw new Error('no input');

    // The window's side: the desktop file becomes a reference the worker can be sent.
    const readers = new Map<string, ReadRange>();
    const wire = structuredClone(toWireInput(picked, readers));
    expect(JSON.stringify(wire)).not.toContain('readRange');
    // The worker's side: its reads go back to the window, which answers through the bridge.
    const inWorker = fromWireInput(wire, (handle, offset, length) => {
      const reader = readers.get(handle);
      if (!reader) throw new Error('not handed over');
      return reader(handle, offset, length);
    });

    const [browser] = groupPickedFiles([{ file: new File([zip as BlobPart], 'export.zip'), path: 'export.zip' }]);
    if (!browser) throw new Error('no input');
    const viaDesktop = await parseSlackExport(toImportInput(inWorker), {});
    const viaBrowser = await parseSlackExport(toImportInput(browser), {});
    expect(viaDesktop.events.map((e) => [e.channel, e.actorName, e.text])).toEqual([
      ['#incident-2041', 'alice', 'SEV2: checkout errors'],
      ['#incident-2041', 'bob', 'rolled back, Under Control'],
    ]);
    expect(viaDesktop.events).toEqual(viaBrowser.events);
    const { served, largest } = stats();
    // The directory, the tail window searched for it and the JSON entries: never the filler.
    expect(served).toBeLessThan(256 * 1024);
    expect(largest).toBeLessThanOrEqual(IPC_CHUNK_BYTES);

    // Hashing reads every byte, in chunks, and agrees with the browser File's hash.
    expect(await sha256OfInput(inWorker)).toBe(await sha256OfInput(browser));
  });

  it('leaves browser Files as they are', () => {
    const file = new File(['{}'], 'log.json');
    const [input] = groupPickedFiles([{ file, path: 'log.json' }]);
    if (!input) throw new Error('no input');
    const readers = new Map<string, ReadRange>();
    expect(toWireInput(input, readers).files[0]?.file).toBe(file);
    expect(readers.size).toBe(0);
  });
});
