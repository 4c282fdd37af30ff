import fc from 'fast-check';
import { describe, it } from 'vitest';
import { buildZip } from './__fixtures__/build-zip';
import { bytesSource } from './byte-source';
import { ImportError } from './import-error';
import { openZip } from './zip-reader';

const RUNS = { numRuns: 200 };

/** Opens and reads every entry; resolves whatever happens as long as only ImportError is thrown. */
async function openAndReadAll(bytes: Uint8Array): Promise<void> {
  try {
    const folder = await openZip(bytesSource('fuzz.zip', bytes), { limits: { maxEntryBytes: 1024 * 1024 } });
    for (const entry of folder.entries) {
      try {
        await entry.read();
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
      }
    }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
  }
}

describe('zip reader never throws anything but ImportError', () => {
  const valid = buildZip({
    'users.json': JSON.stringify([{ id: 'U1', name: 'dana' }]),
    'incident-731/2025-03-09.json': JSON.stringify([{ ts: '1741502700.000100', text: 'failing over shard 4 '.repeat(20) }]),
    'stored.txt': 'stored entry',
  });

  it('on random bytes, with and without a ZIP signature in front', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), async (bytes, signed) => {
        const input = signed ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        await openAndReadAll(input);
      }),
      RUNS,
    );
  });

  it('on truncated and byte-flipped archives', async () => {
    const mutation = fc.tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 10 }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async ([cut, fromFront, flips]) => {
        const length = Math.floor(valid.length * cut);
        const bytes = fromFront ? valid.slice(valid.length - length) : valid.slice(0, length);
        for (const [position, value] of flips) if (bytes.length > 0) bytes[position % bytes.length] = value;
        await openAndReadAll(bytes);
      }),
      RUNS,
    );
  });

  it('on archives whose central directory fields are overwritten', async () => {
    const directoryStart = valid.length - 22 - 200;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: 221 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), async (flips) => {
        const bytes = valid.slice();
        for (const [offset, value] of flips) bytes[Math.max(0, directoryStart) + offset] = value;
        await openAndReadAll(bytes);
      }),
      RUNS,
    );
  });
});
