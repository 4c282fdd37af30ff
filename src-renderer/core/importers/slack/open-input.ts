import type { ImportInput, VirtualFolder } from '../byte-source';
import type { ImportLimits } from '../limits';
import { looksLikeZip, openZip } from '../zip-reader';

/** A picked folder as is, a picked ZIP opened lazily (only its directory is read here). */
export async function openSlackInput(input: ImportInput, limits: Partial<ImportLimits>): Promise<VirtualFolder> {
  if (input.kind === 'folder') return input.folder;
  return openZip(input.source, { limits });
}

/** Cheap check used by detection: does a picked file start like a ZIP? */
export async function mayBeZip(input: ImportInput): Promise<boolean> {
  if (input.kind === 'folder') return true;
  const head = await input.source.read(0, Math.min(4, input.source.size));
  return looksLikeZip(head);
}
