import executiveSummary from '../../../templates/executive-summary.md?raw';
import googleSre from '../../../templates/google-sre.md?raw';
import incidentReview from '../../../templates/incident-review.md?raw';
import { parseTemplate, type PostmortemTemplate } from './template-parser';

/** The template files that ship with the app, by file name, as raw Markdown. */
export const SHIPPED_TEMPLATE_SOURCES: Readonly<Record<string, string>> = {
  'incident-review.md': incidentReview,
  'google-sre.md': googleSre,
  'executive-summary.md': executiveSummary,
};

export const DEFAULT_TEMPLATE_ID = 'incident-review';

/** Parses the shipped templates; they are tested, so a failure here is a build defect and throws. */
export function shippedTemplates(): PostmortemTemplate[] {
  return Object.entries(SHIPPED_TEMPLATE_SOURCES).map(([fileName, source]) => parseTemplate(source, fileName));
}
