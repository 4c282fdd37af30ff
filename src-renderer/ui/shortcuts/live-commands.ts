import type { ShortcutId } from './catalog';

/** The actions that can run right now (their screen is showing and they are enabled): the command palette lists these. */
export interface LiveCommand {
  id: ShortcutId;
  run: () => void;
}

const live = new Map<symbol, LiveCommand>();
const listeners = new Set<() => void>();
let snapshot: readonly LiveCommand[] = [];

function publish(): void {
  snapshot = [...live.values()];
  listeners.forEach((listener) => listener());
}

export function addLiveCommand(command: LiveCommand): () => void {
  const token = Symbol(command.id);
  live.set(token, command);
  publish();
  return () => {
    live.delete(token);
    publish();
  };
}

export function subscribeLiveCommands(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function liveCommands(): readonly LiveCommand[] {
  return snapshot;
}
