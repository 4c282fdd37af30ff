import type { MilestoneSuggestion } from './suggest-milestones';

/** How far a suggestion may be from the truth and still count as right. */
export const ACCURACY_WINDOW_MS = 60_000;

export interface TruthTimes {
  milestones: Record<string, number>;
  severityChanges: { at: number; to: string }[];
}

export interface AccuracyRow {
  what: string;
  truth: number;
  suggested: number | null;
  hit: boolean;
}

/** Compares suggestions with a truth file: one row per true milestone and severity change. */
export function suggestionAccuracy(suggestions: readonly MilestoneSuggestion[], truth: TruthTimes): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  for (const [kind, at] of Object.entries(truth.milestones)) {
    const suggested = suggestions.find((s) => s.kind === kind)?.at ?? null;
    rows.push({ what: kind, truth: at, suggested, hit: suggested !== null && Math.abs(suggested - at) <= ACCURACY_WINDOW_MS });
  }
  for (const change of truth.severityChanges) {
    const near = suggestions.filter((s) => s.kind === 'Custom' && s.label.endsWith(` ${change.to}`));
    const best = near.reduce<MilestoneSuggestion | null>((a, b) => (a === null || Math.abs(b.at - change.at) < Math.abs(a.at - change.at) ? b : a), null);
    const suggested = best?.at ?? null;
    rows.push({ what: `Severity → ${change.to}`, truth: change.at, suggested, hit: suggested !== null && Math.abs(suggested - change.at) <= ACCURACY_WINDOW_MS });
  }
  return rows;
}
