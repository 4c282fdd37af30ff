import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal content gives equal text whatever the key order. */
export function stableJson(value: unknown): string {
  // Stored bytes (event blocks) hash as their base64 text, not as an object of numbered keys.
  if (ArrayBuffer.isView(value)) return JSON.stringify(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'));
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 of records in a fixed order (by `key`), for comparing a table before and after. */
export function contentHash<T>(records: readonly T[], key: (record: T) => string): string {
  const sorted = [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return createHash('sha256').update(sorted.map(stableJson).join('\n')).digest('hex');
}
