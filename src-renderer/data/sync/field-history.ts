import { DELETED_FIELD, type FieldState } from './field-log';

/** One value a field was given, by whom and when (their clock). */
export interface FieldWriteShown {
  value: unknown;
  by: string;
  at: number;
}

/** A field that more than one person set: the value it has and the others it was given. */
export interface FieldHistoryEntry {
  field: string;
  current: FieldWriteShown;
  /** Latest first; these lost to `current` (the later write). */
  others: FieldWriteShown[];
}

const shown = (write: { v: unknown; by: string; at: number }): FieldWriteShown => ({ value: write.v, by: write.by, at: write.at });

/**
 * The fields of a record that teammates set to different values (same field, two people: the
 * later write won and the other value is kept here). Fields everyone agrees on, or set by one
 * person only, are not history worth showing.
 */
export function fieldConflicts(fields: ReadonlyMap<string, FieldState> | undefined, only?: readonly string[]): FieldHistoryEntry[] {
  const entries: FieldHistoryEntry[] = [];
  for (const [field, state] of fields ?? []) {
    if (field === DELETED_FIELD || (only && !only.includes(field))) continue;
    const current = JSON.stringify(state.current.v);
    const others = state.others.filter((other) => JSON.stringify(other.v) !== current);
    if (others.length) entries.push({ field, current: shown(state.current), others: others.map(shown) });
  }
  return entries.sort((a, b) => b.current.at - a.current.at);
}
