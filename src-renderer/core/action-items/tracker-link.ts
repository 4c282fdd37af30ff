import { z } from 'zod';

export type TrackerKind = 'jira' | 'linear' | 'github' | 'link';

export interface TrackerLink {
  url: string;
  kind: TrackerKind;
  /** Short label for a chip, e.g. "Jira OPS-12", "GitHub acme/api#42". */
  label: string;
}

export type TrackerLinkResult = { ok: true; link: TrackerLink | null } | { ok: false; message: string };

const httpUrl = z.url({ protocol: /^https?$/ });

const TRACKER_NAME: Record<TrackerKind, string> = { jira: 'Jira', linear: 'Linear', github: 'GitHub', link: 'Link' };

function recognise(url: URL): TrackerLink {
  const path = url.pathname.split('/').filter(Boolean);
  const href = url.href;
  const jiraKey = path[0] === 'browse' && /^[A-Z][A-Z0-9_]*-\d+$/i.test(path[1] ?? '') ? path[1] : url.searchParams.get('selectedIssue');
  if ((url.hostname.endsWith('.atlassian.net') || path[0] === 'browse') && jiraKey) {
    return { url: href, kind: 'jira', label: `${TRACKER_NAME.jira} ${jiraKey.toUpperCase()}` };
  }
  if (url.hostname === 'linear.app') {
    const at = path.indexOf('issue');
    const key = at >= 0 ? path[at + 1] : undefined;
    return { url: href, kind: 'linear', label: key ? `${TRACKER_NAME.linear} ${key.toUpperCase()}` : TRACKER_NAME.linear };
  }
  if (url.hostname === 'github.com' || url.hostname === 'www.github.com') {
    const [owner, repo, type, number] = path;
    const isIssue = (type === 'issues' || type === 'pull') && /^\d+$/.test(number ?? '');
    return { url: href, kind: 'github', label: isIssue ? `${TRACKER_NAME.github} ${owner}/${repo}#${number}` : TRACKER_NAME.github };
  }
  return { url: href, kind: 'link', label: url.hostname };
}

/**
 * Validates what the user typed as a tracker link. Only http and https are accepted because
 * the link is opened in the user's browser; an empty value means "no link".
 */
export function parseTrackerLink(raw: string): TrackerLinkResult {
  const value = raw.trim();
  if (value === '') return { ok: true, link: null };
  if (!httpUrl.safeParse(value).success) {
    return { ok: false, message: `"${value}" is not a web address starting with http:// or https://` };
  }
  return { ok: true, link: recognise(new URL(value)) };
}
