import type { Priority } from '../model/action-item';
import { handoffDescription, handoffDueDate, handoffLabels, debriefIdLabel, type HandoffItem, type HandoffOptions } from './handoff-item';

/** The body of GitHub's "create an issue" request. */
export interface GitHubIssue {
  title: string;
  body: string;
  assignees: string[];
  labels: string[];
  milestone: number | null;
}

export interface GitHubIssueOptions extends HandoffOptions {
  /** GitHub login per Debrief person id; people without one are left unassigned. */
  logins?: ReadonlyMap<string, string>;
  milestone?: number | null;
  /** Display names for priorities (the policy's labels), written as `priority: <name>` labels. */
  priorityLabels?: Readonly<Record<Priority, string>>;
}

/** Hidden in rendered Markdown; lets status import find the item from an issue body. */
export function githubIdMarker(itemId: string): string {
  return `<!-- ${debriefIdLabel(itemId)} -->`;
}

export function githubIssues(items: readonly HandoffItem[], options: GitHubIssueOptions): GitHubIssue[] {
  return items.map((h) => {
    const due = handoffDueDate(h, options);
    const facts = [`Priority: ${h.item.priority}`, due ? `Due: ${due}` : null, h.item.ownerName ? `Owner: ${h.item.ownerName}` : null]
      .filter((f): f is string => f !== null)
      .map((f) => `- ${f}`)
      .join('\n');
    const login = h.item.ownerId === null ? undefined : options.logins?.get(h.item.ownerId);
    const priorityName = options.priorityLabels?.[h.item.priority] ?? h.item.priority;
    return {
      title: h.item.title,
      body: `${handoffDescription(h)}\n\n${facts}\n\n${githubIdMarker(h.item.id)}`,
      assignees: login ? [login] : [],
      labels: [`priority: ${priorityName}`, ...handoffLabels(h, options)],
      milestone: options.milestone ?? null,
    };
  });
}

/** Pretty JSON array, one issue per element, for scripts such as `gh api` loops. */
export function githubIssuesJson(items: readonly HandoffItem[], options: GitHubIssueOptions): string {
  return `${JSON.stringify(githubIssues(items, options), null, 2)}\n`;
}
