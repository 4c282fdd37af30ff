import { describe, expect, it } from 'vitest';
import { abbreviate, placeMarkerLabels, type MarkerLabel } from './overview-geometry';

const x = (at: number) => at; // 1 ms = 1 px keeps the cases readable
const ms = (...pairs: [string, number][]) => pairs.map(([label, at]) => ({ label, at }));

function overlaps<M>(labels: MarkerLabel<M>[]): string[] {
  const found: string[] = [];
  for (const a of labels)
    for (const b of labels)
      if (a !== b && a.line === b.line && a.left < b.left && a.right > b.left) found.push(`${a.text} / ${b.text}`);
  return found;
}

describe('milestone labels on the activity chart', () => {
  it('keeps far-apart labels whole on the first line', () => {
    const labels = placeMarkerLabels(ms(['Detect', 0], ['Mitigate', 300]), x, 800);
    expect(labels.map((l) => [l.text, l.line])).toEqual([
      ['Detect', 0],
      ['Mitigate', 0],
    ]);
  });

  it('stacks two close labels on two lines', () => {
    const labels = placeMarkerLabels(ms(['Detect', 100], ['Assemble', 120]), x, 800);
    expect(labels.map((l) => [l.text, l.line])).toEqual([
      ['Detect', 0],
      ['Assemble', 1],
    ]);
    expect(overlaps(labels)).toEqual([]);
  });

  it('abbreviates instead of overlapping when three or more milestones are close', () => {
    const labels = placeMarkerLabels(ms(['Under Control', 100], ['Mitigate', 110], ['All Clear', 160], ['Repair', 175]), x, 800);
    expect(overlaps(labels)).toEqual([]);
    expect(labels.find((l) => l.milestone.label === 'Under Control')?.text).toBe('Under C…');
    expect(labels.at(-1)?.text).toBe('Repair');
  });

  it('reduces a label to its ◆, then to just its line, as the next one gets closer', () => {
    const diamond = placeMarkerLabels(ms(['Detect', 100], ['Assemble', 101], ['Verify', 118]), x, 800);
    expect(overlaps(diamond)).toEqual([]);
    expect(diamond[0].text).toBe('');
    const hidden = placeMarkerLabels(ms(['Detect', 100], ['Assemble', 101], ['Verify', 102]), x, 800);
    expect(overlaps(hidden)).toEqual([]);
    expect(hidden.map((l) => l.text)).toEqual([null, 'Assemble', 'Verify']);
  });

  it('shortens text to the room it has', () => {
    expect(abbreviate('Under Control', 1000)).toBe('Under Control');
    expect(abbreviate('Under Control', 14 + 4 * 6.5)).toBe('Und…');
    expect(abbreviate('Under Control', 10)).toBe('');
    expect(abbreviate('Under Control', 4)).toBeNull();
  });
});
