// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { newTimelineEvent } from '@core/model/new-event';
import type { TimelineEvent } from '@core/model/event';
import { createTestRoot } from '@ui/test-root';
import { TimelineList } from './TimelineList';
import type { EventRowActions } from './RowActions';
import { TimelineRows, type TimelineRow } from './timeline-rows';

const root = createTestRoot();

function event(id: string, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  return newTimelineEvent({ id, incidentId: 'i1', sourceId: 's1', sourceFormat: 'slack-export', dedupeKey: id, at: Date.parse('2024-06-13T07:10:00Z'), actorName: 'Priya', text: `text ${id}`, ...extra });
}

const noop = () => {};
const actions: EventRowActions = { select: noop, togglePin: noop, toggleThread: noop, setMilestone: noop, redact: noop, deleteManual: noop, toggleReveal: noop, splitSameEvent: noop };
const rows = TimelineRows.of([
  { type: 'day', key: 'd', label: 'Thursday, 13 June 2024', dayStart: 0 },
  ...[event('a'), event('b', { pinned: true }), event('c'), event('m', { sourceFormat: 'manual' })].map((e): TimelineRow => ({ type: 'event', key: e.id, event: e, replies: 0, reply: false, expanded: false })),
]);

function render(selectedId: string | null) {
  act(() =>
    root.render(
      <>
        <TimelineList rows={rows} zone="UTC" zoneLabel="UTC" selectedId={selectedId} query="" revealed={new Set()} milestonesByEvent={new Map()} sameEvents={new Map()} actions={actions} scrollTo={null} />
        <button type="button">Elsewhere</button>
      </>,
    ),
  );
  return root.container;
}

const row = (view: HTMLElement, id: string) => view.querySelector<HTMLElement>(`[data-event-id="${id}"]`)?.closest<HTMLElement>('[data-index]') ?? null;
const buttonsOf = (view: HTMLElement, id: string) => [...(row(view, id)?.querySelectorAll('.tl-actions button') ?? [])].map((b) => b.getAttribute('aria-label'));

describe('TimelineList row buttons', () => {
  it('draws buttons on the selected row and on events added by hand; the other rows show the same glyphs, hidden from assistive tech', () => {
    const view = render('a');
    expect(buttonsOf(view, 'a')).toEqual(['Pin 07:10:00 Priya: text a', 'Set milestone at 07:10:00 Priya: text a', 'Redact 07:10:00 Priya: text a']);
    expect(buttonsOf(view, 'm')).toHaveLength(4);
    expect(buttonsOf(view, 'c')).toEqual([]);
    const resting = row(view, 'c')?.querySelector('.tl-actions-rest');
    expect(resting?.getAttribute('aria-hidden')).toBe('true');
    expect(resting?.textContent).toBe('☆◆⊘');
    expect(row(view, 'b')?.querySelector('.tl-actions-rest .tl-pin-mark')?.textContent).toBe('★');
  });

  it('draws the buttons of the row pointed at', () => {
    const view = render(null);
    act(() => row(view, 'b')?.querySelector('.tl-time')?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })));
    expect(buttonsOf(view, 'b')[0]).toBe('Unpin 07:10:00 Priya: text b');
    act(() => row(view, 'c')?.querySelector('.tl-time')?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })));
    expect(buttonsOf(view, 'b')).toEqual([]);
    expect(buttonsOf(view, 'c')).toHaveLength(3);
  });

  it('keeps the buttons of the row focused last while focus is outside the list (a dialog opened from it)', () => {
    const view = render(null);
    act(() => row(view, 'c')?.focus());
    expect(buttonsOf(view, 'c')).toHaveLength(3);
    act(() => [...view.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent === 'Elsewhere')?.focus());
    expect(document.activeElement?.textContent).toBe('Elsewhere');
    expect(buttonsOf(view, 'c')).toHaveLength(3);
  });
});
