import { useEffect, useState } from 'react';

export const WORKSPACE_TABS = ['timeline', 'review', 'postmortem', 'actions'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

/**
 * An incident's tab, with what another screen asked of it: `event` selects that event on the
 * Timeline (`#/incidents/:id/timeline?event=…`); `exportPostmortem` opens the Postmortem's export
 * dialog once (`#/incidents/:id/postmortem?export=1`); `thread` opens that comment thread of the
 * postmortem (`#/incidents/:id/postmortem?thread=…`, from a mention). Cross-feature requests travel in the route,
 * so they survive a tab that is not mounted yet and a reload, and Back/Forward replay them.
 */
export type IncidentRoute = { name: 'incident'; incidentId: string; tab: WorkspaceTab; event?: string; exportPostmortem?: true; thread?: string };

export type Route = { name: 'library' } | { name: 'action-items' } | { name: 'people' } | { name: 'insights' } | IncidentRoute;

/** Hash routes work the same under app:// in Electron and on the local web server. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'incidents' && parts[1]) {
    const tab = (WORKSPACE_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as WorkspaceTab) : 'timeline';
    const params = new URLSearchParams(query);
    const route: IncidentRoute = { name: 'incident', incidentId: parts[1], tab };
    // Each request belongs to one tab; on another it means nothing and is dropped.
    const event = params.get('event');
    if (tab === 'timeline' && event) route.event = event;
    if (tab === 'postmortem' && params.get('export') === '1') route.exportPostmortem = true;
    const thread = params.get('thread');
    if (tab === 'postmortem' && thread) route.thread = thread;
    return route;
  }
  if (parts[0] === 'action-items') return { name: 'action-items' };
  if (parts[0] === 'people') return { name: 'people' };
  if (parts[0] === 'insights') return { name: 'insights' };
  return { name: 'library' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'action-items':
      return '#/action-items';
    case 'people':
      return '#/people';
    case 'insights':
      return '#/insights';
    case 'incident': {
      const params = new URLSearchParams();
      if (route.tab === 'timeline' && route.event) params.set('event', route.event);
      if (route.tab === 'postmortem' && route.exportPostmortem) params.set('export', '1');
      if (route.tab === 'postmortem' && route.thread) params.set('thread', route.thread);
      const query = params.toString();
      return `#/incidents/${encodeURIComponent(route.incidentId)}/${route.tab}${query ? `?${query}` : ''}`;
    }
  }
}

/** The Timeline of an incident with `eventId` selected and scrolled into view. */
export function timelineEventRoute(incidentId: string, eventId: string): IncidentRoute {
  return { name: 'incident', incidentId, tab: 'timeline', event: eventId };
}

/** The Postmortem of an incident with comment thread `threadId` open. */
export function commentThreadRoute(incidentId: string, threadId: string): IncidentRoute {
  return { name: 'incident', incidentId, tab: 'postmortem', thread: threadId };
}

/** Opens a route as a new history entry. */
export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/**
 * Replaces the current history entry (a taken request is cleared this way, so Back does not
 * ask again). Listeners see it as any route change.
 */
export function replaceRoute(route: Route): void {
  const href = routeHref(route);
  if (href !== window.location.hash) window.location.replace(href);
}

/**
 * Writes the route into the address without telling the app (no re-render): for state a
 * screen already shows, such as the Timeline's selected event, so a reload comes back to it.
 */
export function recordRoute(route: Route): void {
  const href = routeHref(route);
  if (href !== window.location.hash) window.history.replaceState(window.history.state, '', href);
}

/** The current route; a new object after every change of the address, even to the same text. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
