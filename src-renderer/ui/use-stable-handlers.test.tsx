// @vitest-environment happy-dom
import { act, memo, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { createTestRoot } from './test-root';
import { useStableHandlers } from './use-stable-handlers';

const root = createTestRoot();

describe('useStableHandlers', () => {
  it('keeps one object across renders while its functions call the latest closures', () => {
    let renders = 0;
    const Child = memo(function Child({ actions }: { actions: { bump: () => void } }) {
      renders += 1;
      return (
        <button type="button" onClick={actions.bump}>
          bump
        </button>
      );
    });
    const seen: number[] = [];
    function Parent() {
      const [count, setCount] = useState(0);
      // A new closure every render, reading this render's count.
      const actions = useStableHandlers({
        bump: () => {
          seen.push(count);
          setCount(count + 1);
        },
      });
      return (
        <>
          <span>{count}</span>
          <Child actions={actions} />
        </>
      );
    }
    act(() => root.render(<Parent />));
    const button = root.container.querySelector('button');
    act(() => button?.click());
    act(() => button?.click());
    act(() => button?.click());
    expect(seen).toEqual([0, 1, 2]);
    expect(root.container.querySelector('span')?.textContent).toBe('3');
    // The parent rendered four times; the memoised child only once.
    expect(renders).toBe(1);
  });
});
