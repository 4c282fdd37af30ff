// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addAnnotation, listEventAnnotations } from '@data/annotations';
import { createIncident } from '@data/incidents';
import { ToastProvider } from '@ui/ToastProvider';
import { createTestRoot } from '@ui/test-root';
import { EventAnnotations } from './EventAnnotations';
import { annotation } from './test-fixtures';

const view = createTestRoot();

let incidentId = '';

beforeEach(async () => {
  // Each test reads its own event ids, so the shared library needs no clearing between them.
  const incident = await createIncident({
    title: 'Checkout 5xx',
    severity: 'SEV2',
    status: 'resolved',
    startedAt: null,
    detectedAt: null,
    resolvedAt: null,
    reviewAt: null,
    timeZone: 'Europe/Berlin',
    services: [],
    commander: '',
    roles: [],
    summary: '',
  });
  incidentId = incident.id;
});

async function settle(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !predicate(); i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}

const badge = () => view.container.querySelector<HTMLButtonElement>('button.rv-badge');

describe('EventAnnotations', () => {
  it('offers "Annotate" on an event without notes, and adds one attached to that event', async () => {
    await act(async () => {
      view.render(
        <ToastProvider>
          <EventAnnotations incidentId={incidentId} eventId="ev-1" />
        </ToastProvider>,
      );
    });
    await settle(() => badge()?.textContent === 'Annotate');
    expect(badge()?.getAttribute('aria-label')).toBe('Annotate this event');

    await act(async () => badge()?.click());
    const panel = document.body.querySelector('[role="dialog"]');
    expect(panel?.textContent).toContain('No annotations yet');
    const add = [...document.body.querySelectorAll('button')].find((b) => b.textContent === 'Add annotation');
    await act(async () => add?.click());

    await settle(() => badge()?.getAttribute('aria-label') === '1 annotation on this event');
    const stored = await listEventAnnotations('ev-1');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ incidentId, target: { type: 'event', eventId: 'ev-1' } });
  });

  it('counts only the annotations of its own event', async () => {
    for (const note of [
      annotation('a1', { type: 'event', eventId: 'ev-2' }, { incidentId }),
      annotation('a2', { type: 'event', eventId: 'ev-2' }, { incidentId }),
      annotation('a3', { type: 'event', eventId: 'ev-3' }, { incidentId }),
      annotation('a4', { type: 'incident' }, { incidentId }),
    ]) {
      await addAnnotation(note);
    }
    await act(async () => {
      view.render(
        <ToastProvider>
          <EventAnnotations incidentId={incidentId} eventId="ev-2" />
        </ToastProvider>,
      );
    });
    await settle(() => badge()?.getAttribute('aria-label') === '2 annotations on this event');
    expect(badge()?.getAttribute('aria-label')).toBe('2 annotations on this event');
  });
});
