// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { newTimelineEvent } from '@core/model/new-event';
import type { TimelineEvent } from '@core/model/event';
import { createTestRoot } from '@ui/test-root';
import { EventText } from './EventText';

const root = createTestRoot();

function render(fields: Partial<TimelineEvent>, query = '', reveal = false) {
  const event = newTimelineEvent({ id: 'e1', incidentId: 'i1', sourceId: 's1', sourceFormat: 'slack-export', dedupeKey: 'k', at: 0, ...fields });
  act(() => root.render(<EventText event={event} query={query} reveal={reveal} onToggleReveal={() => {}} />));
  return root.container;
}

describe('EventText', () => {
  it('renders Slack formatting as elements, never the raw markers', () => {
    const view = render({ text: '*rolled back* the _config_ ~deploy~ `payments-api` :rotating_light: :partyparrot:\n> customers see 502s\n• paged DBA\n```\nkubectl rollout undo\n```' });
    expect(view.querySelector('strong')?.textContent).toBe('rolled back');
    expect(view.querySelector('em')?.textContent).toBe('config');
    expect(view.querySelector('s')?.textContent).toBe('deploy');
    expect(view.querySelector('code.chat-code')?.textContent).toBe('payments-api');
    expect(view.querySelector('[role="img"]')?.textContent).toBe('🚨');
    expect(view.querySelector('.chat-emoji-custom')?.textContent).toBe(':partyparrot:');
    expect(view.querySelector('blockquote')?.textContent).toBe('customers see 502s');
    expect(view.querySelector('ul li')?.textContent).toBe('paged DBA');
    expect(view.querySelector('pre')?.textContent).toBe('kubectl rollout undo');
    expect(view.textContent).not.toMatch(/[*_~`>•]|:rotating_light:/);
  });

  it('highlights the whole mentioned name', () => {
    const view = render({ text: '@Kenji Sato please check, cc @here', mentions: ['Kenji Sato', 'here'] });
    expect([...view.querySelectorAll('.chat-mention')].map((m) => m.textContent)).toEqual(['@Kenji Sato', '@here']);
  });

  it('keeps search hits, links and redactions inside formatted text', () => {
    const text = '*see dashboard now* secret-token';
    const view = render({ text, links: [{ url: 'https://grafana.example/d/1', label: 'dashboard' }], redactions: [{ start: 20, end: 32 }] }, 'now');
    const link = view.querySelector('strong a');
    expect(link?.textContent).toBe('dashboard');
    expect(link?.getAttribute('href')).toBe('https://grafana.example/d/1');
    expect(view.querySelector('strong mark.tl-hit')?.textContent).toBe('now');
    expect(view.textContent).not.toContain('secret-token');
    expect(view.querySelectorAll('.tl-chip-redacted')).toHaveLength(1);
    // The link is in the text, so it is not repeated after it.
    expect(view.querySelectorAll('a')).toHaveLength(1);
  });

  it('shows one chip for a redaction that spans formatting, and hides an emoji inside it', () => {
    const view = render({ text: 'a *b* :fire: c', redactions: [{ start: 2, end: 12 }] });
    expect(view.querySelectorAll('.tl-chip-redacted')).toHaveLength(1);
    expect(view.textContent).not.toContain('🔥');
    expect(view.textContent).not.toContain('b');
  });
});
