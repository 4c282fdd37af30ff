import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

export interface TestRoot {
  /** The element components are rendered into (fresh for every test). */
  readonly container: HTMLDivElement;
  render(node: ReactNode): void;
}

/**
 * For component tests in a DOM environment (happy-dom): mounts a fresh React root before each
 * test and unmounts it after, so no test sees another's DOM.
 */
export function createTestRoot(): TestRoot {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  let container: HTMLDivElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
  });
  return {
    get container() {
      if (!container) throw new Error('createTestRoot: used outside a test');
      return container;
    },
    render(node) {
      root?.render(node);
    },
  };
}
