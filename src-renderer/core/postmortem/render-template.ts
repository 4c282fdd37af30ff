import { escapeBlock, escapeInline } from '../markdown/markdown-escape';
import type { ValuePlaceholder } from './placeholders';
import type { MetricKey } from '../metrics/incident-metrics';
import type { PostmortemContext } from './postmortem-context';
import { renderBlock } from './render-blocks';
import type { PostmortemTemplate } from './template-parser';

/**
 * A rendered document is a list of sections so that regenerating can refresh what the app
 * generated (tables, lists) without touching prose the user has since rewritten.
 */
export type DocumentSection =
  | { kind: 'prose'; markdown: string }
  | { kind: 'generated'; key: string; markdown: string };

export interface RenderedDocument {
  templateId: string;
  sections: DocumentSection[];
}

const EMPTY_VALUE = '—';

function valueText(name: ValuePlaceholder, ctx: PostmortemContext): string {
  const i = ctx.incident;
  switch (name) {
    case 'incident.id':
      return i.id;
    case 'incident.title':
      return i.title;
    case 'incident.severity':
      return i.severity;
    case 'incident.severityMeaning':
      return i.severityMeaning;
    case 'incident.status':
      return i.statusLabel;
    case 'incident.timeZone':
      return i.timeZone;
    case 'incident.services':
      return i.services.join(', ');
    case 'incident.commander':
      return i.commander;
    case 'incident.summary':
      return i.summary;
    case 'incident.startedAt':
      return i.startedAtText;
    case 'incident.detectedAt':
      return i.detectedAtText;
    case 'incident.resolvedAt':
      return i.resolvedAtText;
    case 'incident.impactStartedAt':
      return i.impactStartedAtText;
    case 'incident.impactEndedAt':
      return i.impactEndedAtText;
    case 'incident.reviewAt':
      return i.reviewAtText;
    case 'document.authors':
      return ctx.document.authors.join(', ');
    case 'document.date':
      return ctx.document.generatedAtText;
    default: {
      const key = name.slice('metrics.'.length) as MetricKey;
      return ctx.metrics.find((m) => m.key === key)?.inlineText ?? '';
    }
  }
}

/** The escaped Markdown a value placeholder becomes; the summary keeps its line breaks. */
export function renderValue(name: ValuePlaceholder, ctx: PostmortemContext): string {
  const text = valueText(name, ctx).trim();
  if (text === '') return EMPTY_VALUE;
  return name === 'incident.summary' ? escapeBlock(text) : escapeInline(text);
}

/** Trims blank lines around a section; prose that is only whitespace is dropped. */
function tidy(markdown: string): string {
  return markdown.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

/** Fills a template with the context. Pure and deterministic: same template and context, same sections. */
export function renderTemplate(template: PostmortemTemplate, ctx: PostmortemContext): RenderedDocument {
  const sections: DocumentSection[] = [];
  let prose = '';
  const flush = () => {
    const markdown = tidy(prose);
    if (markdown !== '') sections.push({ kind: 'prose', markdown });
    prose = '';
  };
  for (const part of template.parts) {
    if (part.kind === 'text') prose += part.text;
    else if (part.kind === 'value') prose += renderValue(part.name, ctx);
    else {
      flush();
      sections.push({ kind: 'generated', key: part.key, markdown: renderBlock(part.block, ctx) });
    }
  }
  flush();
  return { templateId: template.id, sections };
}

/** The whole document as Markdown, sections separated by a blank line, ending in one newline. */
export function documentToMarkdown(sections: readonly DocumentSection[]): string {
  return `${sections.map((s) => s.markdown).join('\n\n')}\n`;
}

/**
 * Replaces the Markdown of generated sections with freshly rendered ones of the same key and
 * leaves every prose section (and any generated section the fresh render lacks) as it is.
 */
export function refreshGeneratedSections(current: readonly DocumentSection[], fresh: readonly DocumentSection[]): DocumentSection[] {
  const latest = new Map<string, string>();
  for (const s of fresh) if (s.kind === 'generated') latest.set(s.key, s.markdown);
  return current.map((s) => (s.kind === 'generated' && latest.has(s.key) ? { ...s, markdown: latest.get(s.key) ?? s.markdown } : s));
}
