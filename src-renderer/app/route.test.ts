import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './route';

describe('hash routes', () => {
  it('round-trips the library and incident tabs', () => {
    for (const route of [
      { name: 'library' } as const,
      { name: 'action-items' } as const,
      { name: 'incident', incidentId: 'a b/c', tab: 'postmortem' } as const,
    ]) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });

  it('falls back to the Timeline tab and to the library for unknown paths', () => {
    expect(parseRoute('#/incidents/x/nope')).toEqual({ name: 'incident', incidentId: 'x', tab: 'timeline' });
    expect(parseRoute('#/whatever')).toEqual({ name: 'library' });
    expect(parseRoute('')).toEqual({ name: 'library' });
  });
});
