/**
 * Hostile archives built byte by byte (test and e2e fixtures): only the records a reader looks
 * at first, so a "200,001-file" archive is 98 bytes.
 */

/** A ZIP64 end-of-archive that declares `count` files (nothing else is in the file). */
export function zipDeclaringEntries(count: number): Uint8Array {
  const bytes = new Uint8Array(56 + 20 + 22);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x06064b50, true); // ZIP64 end of central directory record
  view.setBigUint64(4, 44n, true);
  view.setBigUint64(24, BigInt(count), true);
  view.setBigUint64(32, BigInt(count), true);
  view.setBigUint64(40, 0n, true);
  view.setBigUint64(48, 0n, true);
  view.setUint32(56, 0x07064b50, true); // ZIP64 locator
  view.setBigUint64(64, 0n, true);
  view.setUint32(72, 1, true);
  view.setUint32(76, 0x06054b50, true); // end of central directory
  view.setUint16(86, 0xffff, true);
  view.setUint16(84, 0xffff, true);
  view.setUint32(88, 0xffffffff, true);
  view.setUint32(92, 0xffffffff, true);
  return bytes;
}
