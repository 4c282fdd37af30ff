import { useEffect, useState } from 'react';

export const WORKSPACE_TABS = ['timeline', 'review', 'postmortem', 'actions'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export type Route = { name: 'library' } | { name: 'action-items' } | { name: 'people' } | { name: 'insights' } | { name: 'incident'; incidentId: string; tab: WorkspaceTab };

/** Hash routes work the same under app:// in Electron and on the local web server. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'incidents' && parts[1]) {
    const tab = (WORKSPACE_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as WorkspaceTab) : 'timeline';
    return { name: 'incident', incidentId: parts[1], tab };
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
    case 'incident':
      return `#/incidents/${encodeURIComponent(route.incidentId)}/${route.tab}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
