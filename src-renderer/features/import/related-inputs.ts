import { RELATED_HEAD_BYTES, relatedRecordKey } from '@core/importers/related-records';
import { decodeUtf8 } from '@core/importers/text-decode';
import type { PickedInput } from './picked-input';

/**
 * Loose files that belong to one record (see `relatedRecordKey`) become one folder input, named
 * after its files, in the place of the first of them; everything else passes through unchanged.
 */
export async function groupRelatedInputs(inputs: readonly PickedInput[]): Promise<PickedInput[]> {
  const keys = await Promise.all(inputs.map(async (input) => (input.kind === 'file' ? keyOf(input) : null)));
  const groups = new Map<string, PickedInput[]>();
  inputs.forEach((input, index) => {
    const key = keys[index];
    if (!key) return;
    const group = groups.get(key) ?? [];
    group.push(input);
    groups.set(key, group);
  });
  const out: PickedInput[] = [];
  for (const [index, input] of inputs.entries()) {
    const key = keys[index];
    const group = key ? groups.get(key) : undefined;
    if (!group || group.length < 2) {
      out.push(input);
      continue;
    }
    if (group[0] !== input) continue;
    out.push({
      id: `${input.id}-group`,
      name: group.map((member) => member.name).join(' + '),
      kind: 'folder',
      files: group.flatMap((member) => member.files.map((file) => ({ ...file, path: member.name }))),
      size: group.reduce((sum, member) => sum + member.size, 0),
    });
  }
  return out;
}

async function keyOf(input: PickedInput): Promise<string | null> {
  const file = input.files[0]?.file;
  if (!file) return null;
  const head = new Uint8Array(await file.slice(0, RELATED_HEAD_BYTES).arrayBuffer());
  return relatedRecordKey(decodeUtf8(head).text);
}
