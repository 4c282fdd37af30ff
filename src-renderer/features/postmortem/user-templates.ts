import { z } from 'zod';
import { shippedTemplates } from '@core/postmortem/shipped-templates';
import { TemplateError } from '@core/postmortem/template-error';
import { parseTemplate, type PostmortemTemplate } from '@core/postmortem/template-parser';
import { db, type DebriefDatabase } from '@data/connection';
import { readSetting, useLoadedSettingValue, writeSetting } from '@data/settings';
import { PostmortemError } from './postmortem-error';

export const USER_TEMPLATES_KEY = 'user-templates';

const storedTemplateSchema = z.object({ fileName: z.string(), source: z.string() });
const storedTemplatesSchema = z.array(storedTemplateSchema);
export type StoredTemplate = z.infer<typeof storedTemplateSchema>;

export interface TemplateChoice {
  template: PostmortemTemplate;
  /** Set for templates the user added; shipped ones cannot be removed. */
  fileName: string | null;
}

/** Parses stored user templates; one that no longer parses (edited by hand) is reported, not dropped. */
export function parseStoredTemplates(stored: readonly StoredTemplate[]): { templates: PostmortemTemplate[]; errors: TemplateError[] } {
  const templates: PostmortemTemplate[] = [];
  const errors: TemplateError[] = [];
  for (const entry of stored) {
    try {
      templates.push(parseTemplate(entry.source, entry.fileName));
    } catch (error) {
      if (error instanceof TemplateError) errors.push(error);
      else throw error;
    }
  }
  return { templates, errors };
}

const NO_TEMPLATES: StoredTemplate[] = [];

/** The user's stored templates, live; undefined while loading. */
export function useUserTemplates(): StoredTemplate[] | undefined {
  return useLoadedSettingValue(USER_TEMPLATES_KEY, storedTemplatesSchema, NO_TEMPLATES);
}

export async function readUserTemplates(database: DebriefDatabase = db): Promise<StoredTemplate[]> {
  return readSetting(USER_TEMPLATES_KEY, storedTemplatesSchema, [], database);
}

/** Every template to choose from: shipped first, then the user's, each id once. */
export function templateChoices(stored: readonly StoredTemplate[]): TemplateChoice[] {
  const shipped = shippedTemplates().map((template) => ({ template, fileName: null }));
  const user = stored.flatMap((entry) => {
    try {
      return [{ template: parseTemplate(entry.source, entry.fileName), fileName: entry.fileName }];
    } catch {
      return [];
    }
  });
  return [...shipped, ...user];
}

/**
 * Validates a template file and stores it. A file with the id of one of the user's templates
 * replaces it (an updated version); the id of a shipped template is refused.
 * Throws TemplateError (with the line) or PostmortemError.
 */
export async function addUserTemplate(fileName: string, source: string, database: DebriefDatabase = db): Promise<PostmortemTemplate> {
  const template = parseTemplate(source, fileName);
  if (shippedTemplates().some((t) => t.id === template.id)) {
    throw new PostmortemError('TEMPLATE_ID_TAKEN', `${fileName}: the id "${template.id}" belongs to a built-in template. Choose another id in its front matter.`);
  }
  const stored = await readUserTemplates(database);
  const others = stored.filter((entry) => {
    try {
      return parseTemplate(entry.source, entry.fileName).id !== template.id;
    } catch {
      return true;
    }
  });
  await writeSetting(USER_TEMPLATES_KEY, [...others, { fileName, source }], database);
  return template;
}

export async function removeUserTemplate(templateId: string, database: DebriefDatabase = db): Promise<void> {
  const stored = await readUserTemplates(database);
  const kept = stored.filter((entry) => {
    try {
      return parseTemplate(entry.source, entry.fileName).id !== templateId;
    } catch {
      return true;
    }
  });
  await writeSetting(USER_TEMPLATES_KEY, kept, database);
}
