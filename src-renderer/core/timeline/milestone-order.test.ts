import { describe, expect, it } from 'vitest';
import { checkMilestoneOrder, milestoneRank, MILESTONE_ORDER, type OrderedMilestone } from './milestone-order';

const m = (kind: OrderedMilestone['kind'], at: number, label: string = kind): OrderedMilestone => ({ id: `${kind}-${at}`, kind, label, at });

describe('milestone order', () => {
  it('ranks the eight standard kinds in the canonical order and leaves custom milestones unranked', () => {
    expect(MILESTONE_ORDER).toEqual(['Detect', 'Assemble', 'Verify', 'Dispatch', 'Mitigate', 'Under Control', 'Repair', 'All Clear']);
    expect(milestoneRank('Detect')).toBe(0);
    expect(milestoneRank('All Clear')).toBe(7);
    expect(milestoneRank('Custom')).toBeNull();
  });

  it('has no warning for milestones in order, including ties and custom ones anywhere', () => {
    expect(checkMilestoneOrder([m('Detect', 1), m('Assemble', 1), m('Custom', 0, 'Severity changed'), m('Mitigate', 5), m('All Clear', 9)])).toEqual([]);
  });

  it('warns, naming both milestones, when Mitigate is recorded after Under Control', () => {
    const warnings = checkMilestoneOrder([m('Under Control', 10), m('Mitigate', 20), m('Detect', 0)]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].expectedFirst.kind).toBe('Mitigate');
    expect(warnings[0].expectedSecond.kind).toBe('Under Control');
    expect(warnings[0].message).toContain('"Mitigate"');
    expect(warnings[0].message).toContain('"Under Control"');
  });

  it('reports every inverted pair, so a late Detect is named against each later stage', () => {
    const warnings = checkMilestoneOrder([m('Detect', 100), m('Assemble', 10), m('Verify', 20), m('All Clear', 200)]);
    expect(warnings.map((w) => `${w.expectedFirst.kind}>${w.expectedSecond.kind}`)).toEqual(['Detect>Assemble', 'Detect>Verify']);
  });
});
