import { buildPostmortemContext } from '@core/postmortem/build-postmortem-context';
import type { PostmortemContext } from '@core/postmortem/postmortem-context';
import type { PostmortemTemplate } from '@core/postmortem/template-parser';
import { exportMarkdownFromState } from '@editor/markdown-io';
import { contextInputFromRecords } from './context-input';
import { loadCurrentDocument, loadIncidentRecords, saveVersion, writeCurrentDocument, type PostmortemRecord } from '@data/documents';
import { importPostmortemMarkdown } from './markdown-export';
import { draftFromTemplate, regenerateDraft } from './postmortem-draft';
import { alignSections } from './section-align';

/** The template context from the database as it is now; `generatedAt` dates the draft. */
export async function loadContext(incidentId: string, generatedAt: number | null): Promise<PostmortemContext> {
  return buildPostmortemContext(contextInputFromRecords(await loadIncidentRecords(incidentId), generatedAt));
}

/** A first draft from a template; an existing document is kept as a version first. */
export async function generatePostmortem(incidentId: string, template: PostmortemTemplate, now = Date.now()): Promise<PostmortemRecord> {
  const ctx = await loadContext(incidentId, now);
  const draft = draftFromTemplate(template, ctx);
  const existing = await loadCurrentDocument(incidentId);
  if (existing) await saveVersion(existing, `Before the new draft from “${template.name}”`, now);
  return writeCurrentDocument(incidentId, { templateId: template.id, ...draft, dismissedFindings: existing ? [] : undefined }, now);
}

export interface RegenerateResult {
  record: PostmortemRecord;
  previous: PostmortemRecord;
  refreshed: string[];
  kept: string[];
}

/** Refreshes the generated sections from the current records; prose is kept. */
export async function regeneratePostmortem(current: PostmortemRecord, body: string, template: PostmortemTemplate): Promise<RegenerateResult> {
  const ctx = await loadContext(current.incidentId, current.createdAt);
  const next = regenerateDraft(body, current.sections, template, ctx);
  const record = await writeCurrentDocument(current.incidentId, { templateId: current.templateId, body: next.body, sections: next.sections });
  return { record, previous: { ...current, body }, refreshed: next.refreshed, kept: next.kept };
}

/** Puts back what was there before a regenerate (the toast's Undo). */
export async function undoRegenerate(previous: PostmortemRecord): Promise<PostmortemRecord> {
  return writeCurrentDocument(previous.incidentId, { templateId: previous.templateId, body: previous.body, sections: previous.sections });
}

/**
 * Replaces the document with an imported Markdown file, keeping the old one as a version.
 * Generated sections that come back unchanged stay refreshable.
 */
export async function importPostmortem(current: PostmortemRecord, body: string, fileName: string, text: string): Promise<PostmortemRecord> {
  const imported = importPostmortemMarkdown(text);
  await saveVersion({ ...current, body }, `Before importing ${fileName}`);
  const sections = alignSections(current.sections, exportMarkdownFromState(imported));
  return writeCurrentDocument(current.incidentId, { templateId: current.templateId, body: imported, sections });
}
