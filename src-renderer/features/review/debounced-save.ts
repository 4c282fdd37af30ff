/** Autosave delay: anything typed is stored within a second. */
export const AUTOSAVE_DELAY_MS = 600;

/**
 * Holds the latest unsaved value and writes it once typing pauses, or at once on `flush()`
 * (blur, tab hidden, page unload). Only the newest value is written; a failed write is
 * reported and kept so the next flush tries again instead of losing the text.
 */
export class DebouncedSave<T> {
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (value: T) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
    /** Combines a newer change with one not yet written (e.g. two patches of one record). */
    private readonly merge: (older: T, newer: T) => T = (_older, newer) => newer,
  ) {}

  get hasPending(): boolean {
    return this.pending !== null;
  }

  schedule(value: T): void {
    this.pending = { value: this.pending ? this.merge(this.pending.value, value) : value };
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes the pending value now; resolves when every write so far has settled. */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const pending = this.pending;
    if (pending) {
      this.pending = null;
      // Writes are chained so an older value can never land after a newer one.
      this.inFlight = this.inFlight.then(() =>
        this.write(pending.value).catch((error: unknown) => {
          // Keep the unsaved change, under anything typed since, for the next attempt.
          this.pending = { value: this.pending ? this.merge(pending.value, this.pending.value) : pending.value };
          this.onError(error);
        }),
      );
    }
    return this.inFlight;
  }
}
