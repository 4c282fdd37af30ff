// @vitest-environment happy-dom
import { act, useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { createTestRoot } from './test-root';
import { useToast } from './toast-context';
import { ToastProvider } from './ToastProvider';

const view = createTestRoot();

function Shower({ count }: { count: number }) {
  const toast = useToast();
  useEffect(() => {
    for (let i = 1; i <= count; i++) toast.show({ message: `Toast ${i}`, timeoutMs: 60_000 });
  }, [toast, count]);
  return <div contentEditable suppressContentEditableWarning>Editor text</div>;
}

const shown = () => [...view.container.querySelectorAll('.toast span')].map((el) => el.textContent);

describe('ToastProvider', () => {
  it('shows at most three, newest on top, and queues the rest until one goes', async () => {
    await act(async () => view.render(<ToastProvider><Shower count={5} /></ToastProvider>));
    expect(shown()).toEqual(['Toast 3', 'Toast 2', 'Toast 1']);
    expect(view.container.querySelector('.toasts')?.getAttribute('data-queued')).toBe('2');
    const dismissOldest = view.container.querySelectorAll<HTMLButtonElement>('button[aria-label="Dismiss notification"]')[2];
    await act(async () => dismissOldest.click());
    expect(shown()).toEqual(['Toast 4', 'Toast 3', 'Toast 2']);
  });
});
