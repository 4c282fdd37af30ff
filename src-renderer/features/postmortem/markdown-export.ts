import { exportFrontMatter } from '@core/postmortem/front-matter';
import type { PostmortemContext } from '@core/postmortem/postmortem-context';
import { exportMarkdownFromState, importMarkdownToState } from '@editor/markdown-io';
import { PostmortemError } from './postmortem-error';

/**
 * The postmortem as a GitHub-flavoured Markdown file: YAML front matter, a blank line, the
 * document as the editor writes it, one final newline. Nothing here reads a clock, so the same
 * document and records always give the same bytes.
 */
export function postmortemMarkdown(ctx: PostmortemContext, templateId: string, body: string): string {
  return `${exportFrontMatter(ctx, templateId)}\n${exportMarkdownFromState(body)}\n`;
}

/** The document part of an exported file: front matter, if any, is dropped (export writes it anew). */
export function stripFrontMatter(text: string): string {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalised.startsWith('---\n')) return normalised;
  const end = normalised.indexOf('\n---\n', 3);
  if (end < 0) {
    throw new PostmortemError('MARKDOWN_UNREADABLE', 'The file starts a front matter block with "---" but never closes it (line 1).');
  }
  return normalised.slice(end + '\n---\n'.length).replace(/^\n/, '');
}

/** A Markdown file (exported by Debrief or written elsewhere) as an editor state. */
export function importPostmortemMarkdown(text: string): string {
  return importMarkdownToState(stripFrontMatter(text));
}

/** A file name from the incident title: "postmortem-checkout-returns-5xx.md". */
export function exportFileName(title: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `postmortem${slug ? `-${slug}` : ''}.${extension}`;
}
