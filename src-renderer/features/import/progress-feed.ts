import type { ImportPhaseProgress } from './worker-protocol';

/** Which of the wizard's inputs is importing, and the latest progress its worker sent. */
export interface RunProgress {
  index: number;
  value: ImportPhaseProgress | null;
}

/**
 * The running import's latest progress, read only by the progress view: each message redraws the
 * progress line, not the wizard around it (whose inputs, previews and results do not change while
 * an import runs).
 */
export class ProgressFeed {
  private current: RunProgress = { index: 0, value: null };
  private readonly listeners = new Set<() => void>();

  readonly get = (): RunProgress => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  set(next: RunProgress): void {
    this.current = next;
    for (const listener of [...this.listeners]) listener();
  }
}
