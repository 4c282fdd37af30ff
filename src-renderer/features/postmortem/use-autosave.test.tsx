// @vitest-environment happy-dom
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, useAutosave } from './use-autosave';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let api: ReturnType<typeof useAutosave> | null = null;
const written: string[] = [];

function Harness({ write, expose }: { write: (value: string) => Promise<void>; expose: (value: ReturnType<typeof useAutosave>) => void }) {
  const autosave = useAutosave(write, () => undefined);
  useEffect(() => expose(autosave));
  return <span>{autosave.status}</span>;
}

beforeEach(() => {
  vi.useFakeTimers();
  written.length = 0;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root.render(
      <Harness
        write={async (value) => {
          written.push(value);
        }}
        expose={(value) => {
          api = value;
        }}
      />,
    ),
  );
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.useRealTimers();
});

const autosave = () => {
  if (!api) throw new Error('not rendered');
  return api;
};

describe('useAutosave', () => {
  it('writes only the latest value of a burst, within the delay (under a second)', async () => {
    expect(AUTOSAVE_DELAY_MS).toBeLessThanOrEqual(1000);
    act(() => {
      autosave().schedule('a');
      autosave().schedule('ab');
      autosave().schedule('abc');
    });
    expect(written).toEqual([]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    });
    expect(written).toEqual(['abc']);
    expect(container.textContent).toBe('saved');
  });

  it('writes at once when the page is hidden or unloaded', async () => {
    act(() => autosave().schedule('typed'));
    await act(async () => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      await Promise.resolve();
    });
    expect(written).toEqual(['typed']);
    act(() => autosave().schedule('more'));
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
      await Promise.resolve();
    });
    expect(written).toEqual(['typed', 'more']);
  });

  it('writes pending changes when the editor goes away, and nothing after a discard', async () => {
    act(() => autosave().schedule('discarded'));
    act(() => autosave().discard());
    await act(async () => {
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    });
    expect(written).toEqual([]);
    act(() => autosave().schedule('last words'));
    await act(async () => {
      root.unmount();
      await Promise.resolve();
    });
    root = createRoot(container);
    expect(written).toEqual(['last words']);
  });
});
