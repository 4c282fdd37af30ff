import type { PostmortemContext } from '@core/postmortem/postmortem-context';
import { documentToMarkdown, refreshGeneratedSections, renderTemplate, type DocumentSection } from '@core/postmortem/render-template';
import type { PostmortemTemplate } from '@core/postmortem/template-parser';
import { exportMarkdownFromState, importMarkdownToState } from '@editor/markdown-io';
import { alignSections, generatedKeys } from './section-align';

export interface PostmortemDraft {
  /** Serialized editor state. */
  body: string;
  /** Where the generated sections sit in `body`, in the editor's own Markdown. */
  sections: DocumentSection[];
}

export interface RegeneratedDraft extends PostmortemDraft {
  /** Generated sections whose content changed. */
  refreshed: string[];
  /** Generated sections the user had edited: kept as written and no longer refreshed. */
  kept: string[];
}

/** Markdown as the editor writes it back, so stored sections compare equal to exported text. */
function normalise(markdown: string): string {
  return exportMarkdownFromState(importMarkdownToState(markdown));
}

function normaliseSections(sections: readonly DocumentSection[]): DocumentSection[] {
  return sections.map((s) => ({ ...s, markdown: normalise(s.markdown) }));
}

function draftFrom(sections: readonly DocumentSection[]): PostmortemDraft {
  const body = importMarkdownToState(documentToMarkdown(sections));
  return { body, sections: alignSections(sections, exportMarkdownFromState(body)) };
}

/** A new editable document from a template. */
export function draftFromTemplate(template: PostmortemTemplate, ctx: PostmortemContext): PostmortemDraft {
  return draftFrom(normaliseSections(renderTemplate(template, ctx).sections));
}

/**
 * Refreshes the generated sections (tables, lists) of the current document from fresh data and
 * keeps everything else — prose, headings, and generated sections the user edited — as it is.
 */
export function regenerateDraft(
  currentBody: string,
  storedSections: readonly DocumentSection[],
  template: PostmortemTemplate,
  ctx: PostmortemContext,
): RegeneratedDraft {
  const current = alignSections(storedSections, exportMarkdownFromState(currentBody));
  const fresh = normaliseSections(renderTemplate(template, ctx).sections);
  const merged = refreshGeneratedSections(current, fresh);
  const intact = new Set(generatedKeys(current));
  const refreshed = current.flatMap((s, i) => {
    const next = merged[i];
    return s.kind === 'generated' && next && next.markdown !== s.markdown ? [s.key] : [];
  });
  const kept = [...new Set(generatedKeys(storedSections).filter((key) => !intact.has(key)))];
  return { ...draftFrom(merged), refreshed, kept };
}

/** Readable name of a generated section key ("table:actionItems" → "action items table"). */
export function sectionLabel(key: string): string {
  const base = key.replace(/#\d+$/, '');
  const names: Record<string, string> = {
    'timeline.byStage': 'timeline by stage',
    'table:timeline': 'timeline table',
    'table:actionItems': 'action items table',
    'table:metrics': 'metrics table',
    milestones: 'milestones',
    keyMoments: 'key moments',
    canReports: 'CAN reports',
    people: 'people',
    roles: 'roles',
  };
  return names[base] ?? base.replace(/^annotations:/, '') + ' notes';
}
