import { DesktopFile, type DesktopFileRef, type ReadRange } from '@platform/desktop-file';
import type { PickedInput } from './picked-input';

/** A picked file as posted to the import worker: a browser File as is, a desktop file by reference. */
export type WireFile = File | { desktop: DesktopFileRef };

export interface WireInput extends Omit<PickedInput, 'files'> {
  files: { file: WireFile; path: string }[];
}

/**
 * The message form of an input. A desktop file cannot be cloned (its bytes are read through the
 * window's bridge), so it travels as a reference and `readers` learns how to answer the worker's
 * reads for it.
 */
export function toWireInput(input: PickedInput, readers: Map<string, ReadRange>): WireInput {
  return {
    ...input,
    files: input.files.map(({ file, path }) => {
      if (!(file instanceof DesktopFile)) return { file, path };
      const ref = file.toRef();
      readers.set(ref.handle, file.rangeReader());
      return { file: { desktop: ref }, path };
    }),
  };
}

/** The worker's side: desktop references become files that read through `readRange`. */
export function fromWireInput(wire: WireInput, readRange: ReadRange): PickedInput {
  return {
    ...wire,
    files: wire.files.map(({ file, path }) => ({ file: file instanceof File ? file : DesktopFile.fromRef(file.desktop, readRange), path })),
  };
}
