import { describe, expect, it } from 'vitest';
import { IPC_CHUNK_BYTES } from '../../src-main/preload/ipc-channels';
import { asFile, DesktopFile, type ReadRange } from './desktop-file';

/**
 * The bridge's contract, over bytes in memory: a range of at most one chunk, clipped at the end.
 * It refuses anything else, as the main process does, and records what was asked.
 */
function bridge(bytes: Uint8Array) {
  const calls: [number, number][] = [];
  const readRange: ReadRange = async (handle, offset, length) => {
    if (handle !== 'h-1') throw new Error('unknown handle');
    if (length > IPC_CHUNK_BYTES || offset < 0 || offset > bytes.length) throw new Error(`bad range ${offset}+${length}`);
    calls.push([offset, length]);
    return bytes.slice(offset, Math.min(bytes.length, offset + length));
  };
  return { readRange, calls };
}

const TEXT = 'SEV2 declared — ünïcode ✓ then All Clear';
const bytes = new TextEncoder().encode(TEXT);
const fileOf = (content: Uint8Array, readRange: ReadRange) => new DesktopFile({ handle: 'h-1', name: 'timeline.txt', size: content.length, lastModified: 1_700_000_000_000 }, readRange);

describe('DesktopFile', () => {
  it.each([
    [undefined, undefined],
    [5, undefined],
    [5, 13],
    [-10, undefined],
    [-10, -3],
    [20, 5],
    [0, 1000],
    [1000, 2000],
  ])('slices like a Blob: slice(%s, %s)', async (start, end) => {
    const desktop = fileOf(bytes, bridge(bytes).readRange).slice(start, end);
    const blob = new Blob([bytes]).slice(start, end);
    expect(desktop.size).toBe(blob.size);
    expect(new Uint8Array(await desktop.arrayBuffer())).toEqual(new Uint8Array(await blob.arrayBuffer()));
    // A slice of a slice still maps to the right bytes of the file.
    expect(await desktop.slice(1, -1).text()).toBe(await blob.slice(1, -1).text());
  });

  it('rounds fractional indices as Blob.slice does (WebIDL [Clamp])', async () => {
    const file = fileOf(bytes, bridge(bytes).readRange);
    expect(await file.slice(2.7, 9.9).text()).toBe(TEXT.slice(3, 10));
    expect(file.slice(2.5, 5.5).size).toBe(4);
  });

  it('reads text, a name and a modification time like a File', async () => {
    const file = fileOf(bytes, bridge(bytes).readRange);
    expect(await file.text()).toBe(TEXT);
    expect(file.name).toBe('timeline.txt');
    expect(file.lastModified).toBe(1_700_000_000_000);
  });

  it('reads nothing until asked, then only the range asked for', async () => {
    const { readRange, calls } = bridge(bytes);
    const file = fileOf(bytes, readRange);
    const slice = file.slice(5, 13);
    expect(calls).toEqual([]);
    await slice.arrayBuffer();
    expect(calls).toEqual([[5, 8]]);
  });

  it('splits large reads into chunks the bridge accepts and puts them back in order', async () => {
    const big = new Uint8Array(2 * IPC_CHUNK_BYTES + 1234);
    for (let i = 0; i < big.length; i += 4096) big[i] = (i / 4096) % 251;
    const { readRange, calls } = bridge(big);
    const file = fileOf(big, readRange);
    // Compared as Buffers: a deep toEqual over 16 MB of elements exhausts the test's memory.
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(big))).toBe(true);
    expect(calls.every(([, length]) => length <= IPC_CHUNK_BYTES)).toBe(true);
    expect(calls).toHaveLength(3);
    let streamed = 0;
    const reader = file.stream().getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) streamed += next.value.length;
    expect(streamed).toBe(big.length);
    const copy = await asFile(file);
    expect(copy).toBeInstanceOf(File);
    expect(copy.name).toBe('timeline.txt');
    expect(Buffer.from(await copy.arrayBuffer()).equals(Buffer.from(big))).toBe(true);
  });

  it('reports progress while copying into a File, and passes browser Files through', async () => {
    const fractions: number[] = [];
    await asFile(fileOf(bytes, bridge(bytes).readRange), (f) => fractions.push(f));
    expect(fractions.at(-1)).toBe(1);
    const browser = new File(['x'], 'x.json');
    expect(await asFile(browser)).toBe(browser);
  });

  it('fails loudly when the file ends before its picked size', async () => {
    const short: ReadRange = async () => new Uint8Array(0);
    await expect(fileOf(bytes, short).text()).rejects.toThrow(/ended early/);
  });

  it('travels as plain data and reads the same after a structured clone', async () => {
    const { readRange } = bridge(bytes);
    const slice = fileOf(bytes, readRange).slice(5);
    const ref = structuredClone(slice.toRef());
    expect(await DesktopFile.fromRef(ref, readRange).text()).toBe(await slice.text());
  });
});
