/**
 * A set of strings numbered 0, 1, 2… in the order they were added, with its own open-addressing
 * table. Built for looking up a million keys read from event blocks: those are slices of one
 * decoded text, and V8 hashes such strings again on every Map or Set lookup (about ten times
 * slower per lookup here than a short hash written in JS plus one comparison on a match).
 */
export class StringSlots {
  private readonly values: string[] = [];
  private readonly hashes: number[] = [];
  private table = new Int32Array(16).fill(-1);

  get size(): number {
    return this.values.length;
  }

  /** The slot of `value`, adding it when new. */
  add(value: string): number {
    const hash = hashString(value);
    const found = this.find(value, hash);
    if (found !== -1) return found;
    const slot = this.values.length;
    this.values.push(value);
    this.hashes.push(hash);
    if (this.values.length * 2 > this.table.length) this.grow();
    else this.place(slot, hash);
    return slot;
  }

  /** The slot of `value`, or -1. */
  slotOf(value: string): number {
    return this.find(value, hashString(value));
  }

  private find(value: string, hash: number): number {
    const mask = this.table.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.table[at];
      if (slot === -1) return -1;
      if (this.hashes[slot] === hash && this.values[slot] === value) return slot;
    }
  }

  private place(slot: number, hash: number): void {
    const mask = this.table.length - 1;
    let at = hash & mask;
    while (this.table[at] !== -1) at = (at + 1) & mask;
    this.table[at] = slot;
  }

  private grow(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    for (let slot = 0; slot < this.values.length; slot++) this.place(slot, this.hashes[slot]);
  }
}

/** FNV-1a over UTF-16 units, with a final mix so the low bits (the table's index) vary. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return (hash ^ (hash >>> 12)) >>> 0;
}
