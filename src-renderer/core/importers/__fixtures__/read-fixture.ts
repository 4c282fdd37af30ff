import { bytesSource, type ImportInput } from '../byte-source';
import { ImportError } from '../import-error';

/**
 * Test-only: core is compiled without Node types, so node:fs and node:url are loaded through a
 * specifier the type checker does not resolve, and typed by the two calls used here.
 */
const FS = 'node:fs';
const URL_MODULE = 'node:url';

interface NodeFs {
  readFileSync(path: string): Uint8Array;
}
interface NodeUrl {
  fileURLToPath(url: string): string;
}

export async function readFixture(name: string): Promise<Uint8Array> {
  const fs = (await import(/* @vite-ignore */ FS)) as NodeFs;
  const url = (await import(/* @vite-ignore */ URL_MODULE)) as NodeUrl;
  const here = url.fileURLToPath((import.meta as unknown as { url: string }).url);
  const folder = here.slice(0, here.lastIndexOf('/'));
  return new Uint8Array(fs.readFileSync(`${folder}/${name}`));
}

export async function readFixtureText(name: string): Promise<string> {
  return new TextDecoder().decode(await readFixture(name));
}

export async function fixtureInput(name: string): Promise<ImportInput> {
  return fileInput(name, await readFixture(name));
}

export function fileInput(name: string, bytes: Uint8Array | string): ImportInput {
  return { kind: 'file', source: bytesSource(name, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) };
}

/** A picked folder holding the given files. */
export function folderInput(name: string, files: Record<string, Uint8Array | string>): ImportInput {
  const entries = Object.entries(files).map(([path, content]) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    return { path, size: bytes.length, read: async () => bytes, readRange: async (offset: number, length: number) => bytes.subarray(offset, offset + length) };
  });
  return { kind: 'folder', folder: { name, entries } };
}

export async function expectImportError(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

/** The value, or a test failure saying what was missing (tests may not use `!`). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} to exist`);
  return value;
}
