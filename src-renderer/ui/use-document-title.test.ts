import { describe, expect, it } from 'vitest';
import { documentTitle } from './use-document-title';

describe('documentTitle', () => {
  it('names the incident and the tab before the app, skipping empty parts', () => {
    expect(documentTitle(['Checkout 5xx after deploy', 'Postmortem'])).toBe('Checkout 5xx after deploy — Postmortem — Debrief');
    expect(documentTitle(['Action items'])).toBe('Action items — Debrief');
    expect(documentTitle([undefined, ' ', null])).toBe('Debrief');
  });
});
