// @vitest-environment happy-dom
import { lintBlameless } from '@core/blameless/lint-blameless';
import { act } from 'react';
import { createTestRoot } from '@ui/test-root';
import { describe, expect, it, vi } from 'vitest';
import { BlamelessHighlightPlugin } from './BlamelessHighlightPlugin';
import { RichTextEditor } from './RichTextEditor';

const view = createTestRoot();

const TEXT = 'It was human error. Someone should have checked.';
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

describe('BlamelessHighlightPlugin', () => {
  it('counts findings, leaves dismissed ones out and never writes marks into the document', async () => {
    const findings = lintBlameless(TEXT, { people: [] });
    expect(findings.length).toBeGreaterThanOrEqual(2);
    const counts: number[] = [];
    const onChange = vi.fn();
    const render = (dismissed: string[]) =>
      view.render(
        <RichTextEditor initialMarkdown={TEXT} onChange={onChange} people={[]} ariaLabel="Doc">
          <BlamelessHighlightPlugin people={[]} dismissed={dismissed} onDismiss={() => undefined} onFindingsChange={(count) => counts.push(count)} />
        </RichTextEditor>,
      );
    await act(async () => {
      render([]);
      await nextFrame();
    });
    expect(counts.at(-1)).toBe(findings.length);
    await act(async () => {
      render([findings[0]?.id ?? '']);
      await nextFrame();
    });
    expect(counts.at(-1)).toBe(findings.length - 1);
    for (const [state] of onChange.mock.calls as Array<[string]>) expect(state).not.toContain('"mark"');
    expect(view.container.querySelector('mark')).toBeNull();
  });
});
