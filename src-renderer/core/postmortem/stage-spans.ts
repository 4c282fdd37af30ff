import { STAGES, type Milestone, type Stage } from '../model/milestone';

/** Where a stage begins; `inferredFrom` names the milestone that stood in for a missing one. */
export interface StageStart {
  stage: Stage;
  at: number;
  inferredFrom: 'Under Control' | 'All Clear' | null;
}

const isStage = (kind: string): kind is Stage => (STAGES as readonly string[]).includes(kind);

/**
 * The instants each stage begins, earliest per stage. Teams rarely record Repair or Review, and
 * without them everything after the rollback piles up under Mitigate. So when no Repair
 * milestone exists, Repair begins at Under Control (the fix is out, the repair work follows);
 * Review begins at All Clear. Both are marked as inferred so the document can say so.
 */
export function stageStarts(milestones: readonly Pick<Milestone, 'kind' | 'at'>[]): StageStart[] {
  const first = new Map<string, number>();
  for (const m of milestones) {
    if (!Number.isFinite(m.at)) continue;
    const current = first.get(m.kind);
    if (current === undefined || m.at < current) first.set(m.kind, m.at);
  }
  const starts: StageStart[] = [];
  for (const [kind, at] of first) if (isStage(kind)) starts.push({ stage: kind, at, inferredFrom: null });
  const underControl = first.get('Under Control');
  if (!first.has('Repair') && underControl !== undefined) starts.push({ stage: 'Repair', at: underControl, inferredFrom: 'Under Control' });
  const allClear = first.get('All Clear');
  if (!first.has('Review') && allClear !== undefined) starts.push({ stage: 'Review', at: allClear, inferredFrom: 'All Clear' });
  // Equal instants: the later stage wins, as the incident has moved on by then.
  return starts.sort((a, b) => a.at - b.at || STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
}

/** The stage an instant falls in: the latest stage start at or before it; null before the first. */
export function stageAt(starts: readonly StageStart[], at: number): Stage | null {
  let stage: Stage | null = null;
  for (const start of starts) {
    if (start.at > at) break;
    stage = start.stage;
  }
  return stage;
}
