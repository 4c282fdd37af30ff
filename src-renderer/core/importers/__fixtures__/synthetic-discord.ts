import type { ByteSource } from '../byte-source';

/** A ByteSource that also tells the largest single read an importer asked of it. */
export interface MeasuredSource extends ByteSource {
  readonly largestRead: number;
}

const START = Date.parse('2024-03-01T22:00:00.000Z');
const encoder = new TextEncoder();

/**
 * A DiscordChatExporter channel export of `count` messages of exactly `messageBytes` bytes each,
 * produced on demand for the range asked: a test can import a file of any size (over the one-file
 * cap) without holding it, or writing it anywhere.
 */
export function syntheticDiscordChannel(count: number, messageBytes: number): MeasuredSource {
  const head = encoder.encode(
    '{"guild":{"id":"700000000000000001","name":"Ops"},"channel":{"id":"800000000000000099","type":"GuildTextChat","name":"inc-big"},' +
      '"dateRange":{"after":null,"before":null},"exportedAt":"2024-03-02T09:00:00.000+00:00","messages":[',
  );
  const tail = encoder.encode(`],"messageCount":${count}}`);
  const message = (index: number): Uint8Array => {
    const fields = {
      id: String(1213000000000000000n + BigInt(index)),
      type: 'Default',
      timestamp: new Date(START + index * 250).toISOString().replace('Z', '+00:00'),
      timestampEdited: null,
      content: '',
      author: { id: `9000000000000000${String(index % 50).padStart(2, '0')}`, name: `user${String(index % 50).padStart(2, '0')}`, nickname: null, isBot: false },
      attachments: [],
      embeds: [],
      reactions: [],
    };
    const empty = JSON.stringify(fields).length;
    fields.content = `update ${index} `.padEnd(messageBytes - empty, '.');
    const bytes = encoder.encode(JSON.stringify(fields));
    if (bytes.length !== messageBytes) throw new Error(`message ${index} is ${bytes.length} bytes, not ${messageBytes}`);
    return bytes;
  };
  const withComma = (bytes: Uint8Array): Uint8Array => {
    const out = new Uint8Array(bytes.length + 1);
    out[0] = 0x2c;
    out.set(bytes, 1);
    return out;
  };
  // Message i (after the first) is preceded by a comma: a slot is messageBytes + 1.
  const slot = messageBytes + 1;
  const bodyBytes = count === 0 ? 0 : messageBytes + (count - 1) * slot;
  const size = head.length + bodyBytes + tail.length;
  let largestRead = 0;

  /** Byte `at` of the body (0-based inside the messages array). */
  const fill = (out: Uint8Array, from: number): void => {
    let written = 0;
    let at = from;
    while (written < out.length) {
      if (at < head.length) {
        const part = head.subarray(at, at + out.length - written);
        out.set(part, written);
        written += part.length;
        at += part.length;
        continue;
      }
      const inBody = at - head.length;
      if (inBody >= bodyBytes) {
        const part = tail.subarray(inBody - bodyBytes, inBody - bodyBytes + out.length - written);
        out.set(part, written);
        written += part.length;
        at += part.length;
        continue;
      }
      // Slot k starts at messageBytes + (k - 1) * slot with its comma; message 0 has no comma.
      const index = inBody < messageBytes ? 0 : 1 + Math.floor((inBody - messageBytes) / slot);
      const slotStart = index === 0 ? 0 : messageBytes + (index - 1) * slot;
      const record = index === 0 ? message(0) : withComma(message(index));
      const part = record.subarray(inBody - slotStart, inBody - slotStart + out.length - written);
      out.set(part, written);
      written += part.length;
      at += part.length;
    }
  };

  return {
    name: 'inc-big.json',
    size,
    get largestRead() {
      return largestRead;
    },
    read: async (offset, length) => {
      const out = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      largestRead = Math.max(largestRead, out.length);
      fill(out, offset);
      return out;
    },
  };
}
