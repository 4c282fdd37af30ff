import { describe, expect, it } from 'vitest';
import { commentThreadRoute, parseRoute, routeHref, timelineEventRoute, type Route } from './route';

describe('hash routes', () => {
  it('round-trips the library, incident tabs and their requests', () => {
    const routes: Route[] = [
      { name: 'library' },
      { name: 'action-items' },
      { name: 'incident', incidentId: 'a b/c', tab: 'postmortem' },
      { name: 'incident', incidentId: 'a b/c', tab: 'postmortem', exportPostmortem: true },
      timelineEventRoute('inc 1', 'ev/42?x=1&y'),
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('writes a request into the address as a query on its tab', () => {
    expect(routeHref(timelineEventRoute('inc-1', 'ev-42'))).toBe('#/incidents/inc-1/timeline?event=ev-42');
    expect(routeHref({ name: 'incident', incidentId: 'inc-1', tab: 'postmortem', exportPostmortem: true })).toBe('#/incidents/inc-1/postmortem?export=1');
    expect(routeHref({ name: 'incident', incidentId: 'inc-1', tab: 'timeline' })).toBe('#/incidents/inc-1/timeline');
    expect(routeHref(commentThreadRoute('inc-1', 'th/1'))).toBe('#/incidents/inc-1/postmortem?thread=th%2F1');
    expect(parseRoute('#/incidents/inc-1/postmortem?thread=th%2F1')).toEqual(commentThreadRoute('inc-1', 'th/1'));
    expect(parseRoute('#/incidents/inc-1/timeline?thread=th-1')).toEqual({ name: 'incident', incidentId: 'inc-1', tab: 'timeline' });
  });

  it('drops a request on a tab it does not belong to', () => {
    expect(parseRoute('#/incidents/x/review?event=ev-1&export=1')).toEqual({ name: 'incident', incidentId: 'x', tab: 'review' });
    expect(parseRoute('#/incidents/x/timeline?export=1')).toEqual({ name: 'incident', incidentId: 'x', tab: 'timeline' });
    expect(parseRoute('#/incidents/x/postmortem?export=0')).toEqual({ name: 'incident', incidentId: 'x', tab: 'postmortem' });
  });

  it('falls back to the Timeline tab and to the library for unknown paths', () => {
    expect(parseRoute('#/incidents/x/nope')).toEqual({ name: 'incident', incidentId: 'x', tab: 'timeline' });
    expect(parseRoute('#/incidents/x?event=ev-1')).toEqual({ name: 'incident', incidentId: 'x', tab: 'timeline', event: 'ev-1' });
    expect(parseRoute('#/whatever')).toEqual({ name: 'library' });
    expect(parseRoute('')).toEqual({ name: 'library' });
  });
});
