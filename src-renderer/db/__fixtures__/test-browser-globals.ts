/**
 * For tests: dexie-export-import expects `self` and `FileReader`, which the renderer has and
 * Node does not. Import this before anything that loads dexie-export-import.
 */
class NodeFileReader {
  result: ArrayBuffer | null = null;
  onload: ((event: { target: NodeFileReader }) => void) | null = null;
  onerror: ((event: { target: { error: unknown } }) => void) | null = null;
  onabort: (() => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = buffer;
        this.onload?.({ target: this });
      },
      (error: unknown) => this.onerror?.({ target: { error } }),
    );
  }
}

if (typeof globalThis.self === 'undefined') Object.assign(globalThis, { self: globalThis });
if (typeof globalThis.FileReader === 'undefined') Object.assign(globalThis, { FileReader: NodeFileReader });
