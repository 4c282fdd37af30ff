import { CodedError } from '@core/errors/coded-error';
import type { SourceFormat } from '@core/model/source';
import type { ReadRange } from '@platform/desktop-file';
import type { PickedInput } from './picked-input';
import { toWireInput, type WireInput } from './wire-input';
import type { AnyPreview, ByteReadAnswer, ByteReadRequest, FormatScore, ImportChoices, ImportPhaseProgress, ImportSummary, SerializedError, WorkerRequest, WorkerResponse } from './worker-protocol';

/** A worker request that failed; `error` carries the importer's file/entry/line/field. */
export class ImportRunError extends CodedError<SerializedError['code']> {
  override readonly name = 'ImportRunError';

  constructor(readonly error: SerializedError) {
    super(error.code, error.message, error.location ? { location: error.location } : {});
  }
  get cancelled(): boolean {
    return this.error.code === 'CANCELLED';
  }
}

export interface Analysis {
  format: SourceFormat | null;
  scores: FormatScore[];
  preview: AnyPreview | null;
  error: SerializedError | null;
}

interface Pending {
  resolve(value: WorkerResponse): void;
  reject(error: ImportRunError): void;
  onMessage?(message: WorkerResponse): void;
}

/** Promise-based calls into one import worker. One client per wizard; `dispose` ends the worker. */
export class ImportWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  /** How to read each desktop-picked file this worker was handed, by handle. */
  private readonly readers = new Map<string, ReadRange>();
  private nextId = 1;

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<WorkerResponse | ByteReadRequest>) => {
      const message = event.data;
      if (message.type === 'read') void this.answerRead(message);
      else this.receive(message);
    });
    this.worker.addEventListener('error', (event) => {
      for (const [id, call] of this.pending) {
        call.reject(new ImportRunError({ code: 'INTERNAL', message: `the import worker stopped: ${event.message}`, location: null }));
        this.pending.delete(id);
      }
    });
  }

  /** Reads a range the worker asked for through the desktop bridge; the bytes are moved, not copied. */
  private async answerRead(request: ByteReadRequest): Promise<void> {
    let answer: ByteReadAnswer;
    const transfer: Transferable[] = [];
    try {
      const reader = this.readers.get(request.handle);
      if (!reader) throw new Error('this file was not handed to the import');
      const bytes = await reader(request.handle, request.offset, request.length);
      if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) transfer.push(bytes.buffer as ArrayBuffer);
      answer = { type: 'bytes', readId: request.readId, bytes };
    } catch (error) {
      answer = { type: 'bytes', readId: request.readId, error: error instanceof Error ? error.message : String(error) };
    }
    this.worker.postMessage(answer, transfer);
  }

  private wire(input: PickedInput): WireInput {
    return toWireInput(input, this.readers);
  }

  private receive(message: WorkerResponse): void {
    const call = this.pending.get(message.requestId);
    if (!call) return;
    if (message.type === 'error') {
      this.pending.delete(message.requestId);
      call.reject(new ImportRunError(message.error));
      return;
    }
    if (message.type === 'progress' || message.type === 'count') {
      call.onMessage?.(message);
      return;
    }
    this.pending.delete(message.requestId);
    call.resolve(message);
  }

  private call(request: WorkerRequest, onMessage?: (message: WorkerResponse) => void): Promise<WorkerResponse> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.requestId, { resolve, reject, onMessage });
      this.worker.postMessage(request);
    });
  }

  async analyse(input: PickedInput, choices: ImportChoices): Promise<Analysis> {
    const response = await this.call({ type: 'analyse', requestId: this.nextId++, input: this.wire(input), choices });
    if (response.type !== 'analysed') throw new Error(`unexpected ${response.type}`);
    return { format: response.format, scores: response.scores, preview: response.preview, error: response.error };
  }

  async preview(input: PickedInput, format: SourceFormat, choices: ImportChoices): Promise<AnyPreview> {
    const response = await this.call({ type: 'preview', requestId: this.nextId++, input: this.wire(input), format, choices });
    if (response.type !== 'preview') throw new Error(`unexpected ${response.type}`);
    return response.preview;
  }

  /** Counts Slack messages in the time window one conversation at a time; returns a cancel function. */
  countMessages(
    input: PickedInput,
    folders: string[],
    window: ImportChoices['window'],
    onCount: (folder: string, count: number | null) => void,
  ): () => void {
    const requestId = this.nextId++;
    this.call({ type: 'count', requestId, input: this.wire(input), folders, window }, (message) => {
      if (message.type === 'count') onCount(message.folder, message.count);
    }).catch(() => undefined);
    return () => this.worker.postMessage({ type: 'cancel', requestId } satisfies WorkerRequest);
  }

  /** Runs one import; `cancel()` on the returned handle stops it and removes what it staged. */
  runImport(
    incidentId: string,
    input: PickedInput,
    format: SourceFormat,
    choices: ImportChoices,
    onProgress: (progress: ImportPhaseProgress) => void,
  ): { done: Promise<ImportSummary>; cancel(): void } {
    const requestId = this.nextId++;
    const done = this.call({ type: 'import', requestId, incidentId, input: this.wire(input), format, choices }, (message) => {
      if (message.type === 'progress') onProgress(message.progress);
    }).then((response) => {
      if (response.type !== 'done' || !response.summary) throw new Error('the import worker sent no summary');
      return response.summary;
    });
    return { done, cancel: () => this.worker.postMessage({ type: 'cancel', requestId } satisfies WorkerRequest) };
  }

  dispose(): void {
    this.worker.terminate();
    this.pending.clear();
  }
}
