// @vitest-environment happy-dom
import { act } from 'react';
import { createTestRoot } from '@ui/test-root';
import { describe, expect, it, vi } from 'vitest';
import { RichTextEditor } from './RichTextEditor';
import { importMarkdownToState } from './markdown-io';

const view = createTestRoot();

const MARKDOWN = '## Timeline\n\nPaged @[Alice](debrief://person/p1) after [the alert](debrief://event/e1)\n\n- [x] roll back';

describe('RichTextEditor', () => {
  it('shows Markdown content with mentions, event references and check lists', async () => {
    await act(async () => {
      view.render(<RichTextEditor initialMarkdown={MARKDOWN} onChange={() => undefined} people={[]} ariaLabel="Postmortem document" />);
    });
    const editable = view.container.querySelector('[contenteditable]');
    expect(editable?.getAttribute('aria-label')).toBe('Postmortem document');
    expect(view.container.querySelector('h2')?.textContent).toBe('Timeline');
    expect(view.container.querySelector('[data-person-id="p1"]')?.textContent).toBe('@Alice');
    expect(view.container.querySelector('a[data-event-id="e1"]')?.textContent).toBe('the alert');
    expect(view.container.querySelector('li[aria-checked="true"]')?.textContent).toBe('roll back');
  });

  it('offers a labelled toolbar when editable and none when read-only', async () => {
    await act(async () => {
      view.render(<RichTextEditor initialMarkdown="x" onChange={() => undefined} people={[]} ariaLabel="Doc" />);
    });
    const labels = [...view.container.querySelectorAll('[role="toolbar"] button')].map((b) => b.getAttribute('aria-label'));
    expect(labels).toEqual(['Bold', 'Italic', 'Heading', 'Bulleted list', 'Numbered list', 'Check list', 'Quote', 'Code block', 'Link', 'Insert table']);
    // Symbols outside basic Latin show as an empty box where no symbol or emoji font is installed.
    for (const button of view.container.querySelectorAll('[role="toolbar"] button')) {
      expect(button.textContent, button.getAttribute('aria-label') ?? '').toMatch(/^[A-Z]?$/);
      if (button.textContent === '') expect(button.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    }
    await act(async () => {
      view.render(<RichTextEditor initialMarkdown="x" onChange={() => undefined} people={[]} ariaLabel="Doc" readOnly key="ro" />);
    });
    expect(view.container.querySelector('[role="toolbar"]')).toBeNull();
    expect(view.container.querySelector('[contenteditable]')?.getAttribute('contenteditable')).toBe('false');
  });

  it('jumps to the timeline when an event reference is clicked', async () => {
    const onEventReferenceClick = vi.fn();
    await act(async () => {
      view.render(
        <RichTextEditor initialMarkdown={MARKDOWN} onChange={() => undefined} people={[]} ariaLabel="Doc" readOnly onEventReferenceClick={onEventReferenceClick} />,
      );
    });
    const link = view.container.querySelector('a[data-event-id="e1"]');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link?.dispatchEvent(click);
    expect(onEventReferenceClick).toHaveBeenCalledWith('e1');
    expect(click.defaultPrevented).toBe(true);
  });

  it('loads a stored state', async () => {
    const state = importMarkdownToState('Stored **body**');
    await act(async () => {
      view.render(<RichTextEditor initialState={state} onChange={() => undefined} people={[]} ariaLabel="Doc" />);
    });
    expect(view.container.querySelector('[contenteditable]')?.textContent).toBe('Stored body');
    expect(view.container.querySelector('strong')?.textContent).toBe('body');
  });
});
