import { safeLink } from '@core/links/safe-link';
import { eventIdFromUrl } from '@editor/url-policy';

/** A node of a serialized Lexical state; only the fields the renderer reads. */
interface StateNode {
  type?: unknown;
  children?: unknown;
  text?: unknown;
  format?: unknown;
  tag?: unknown;
  listType?: unknown;
  start?: unknown;
  checked?: unknown;
  url?: unknown;
  headerState?: unknown;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const children = (node: StateNode): StateNode[] =>
  Array.isArray(node.children) ? node.children.filter((c): c is StateNode => typeof c === 'object' && c !== null) : [];
const str = (v: unknown) => (typeof v === 'string' ? v : '');

// Lexical's text format bits.
const FORMATS: Array<[number, string]> = [
  [16, 'code'],
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [32, 'sub'],
  [64, 'sup'],
  [128, 'mark'],
];

function renderText(node: StateNode): string {
  let html = escapeHtml(str(node.text));
  const format = typeof node.format === 'number' ? node.format : 0;
  for (const [bit, tag] of FORMATS) if (format & bit) html = `<${tag}>${html}</${tag}>`;
  return html;
}

function renderLink(node: StateNode): string {
  const url = str(node.url);
  const inner = renderChildren(node);
  if (eventIdFromUrl(url) !== null) return `<span class="event-ref">${inner}</span>`;
  // debrief:// addresses mean nothing outside the app, and only safe links (core/links) stay links.
  const link = url.startsWith('debrief:') ? null : safeLink(url, plainText(node));
  if (!link) return inner;
  const real = link.realTarget ? ` <span class="link-real-target">(${escapeHtml(link.realTarget)})</span>` : '';
  return `<a href="${escapeHtml(link.href)}" rel="noopener noreferrer">${inner}</a>${real}`;
}

function plainText(node: StateNode): string {
  return str(node.text) + children(node).map(plainText).join('');
}

function renderChildren(node: StateNode): string {
  return children(node).map(renderNode).join('');
}

function renderTable(node: StateNode): string {
  const rows = children(node).map((row) => {
    const cells = children(row).map((cell) => {
      const header = typeof cell.headerState === 'number' && cell.headerState !== 0;
      // Single-paragraph cells are written without the paragraph, as a Markdown table would.
      const parts = children(cell);
      const inner = parts.length === 1 && parts[0]?.type === 'paragraph' ? renderChildren(parts[0]) : renderChildren(cell);
      return header ? `<th>${inner}</th>` : `<td>${inner}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table>\n${rows.join('\n')}\n</table>\n`;
}

function renderNode(node: StateNode): string {
  switch (node.type) {
    case 'text':
    case 'code-highlight':
    case 'mention':
      return renderText(node);
    case 'linebreak':
      return '<br>';
    case 'tab':
      return '\t';
    case 'link':
    case 'autolink':
      return renderLink(node);
    case 'paragraph':
      return `<p>${renderChildren(node)}</p>\n`;
    case 'heading': {
      const tag = /^h[1-6]$/.test(str(node.tag)) ? str(node.tag) : 'h2';
      return `<${tag}>${renderChildren(node)}</${tag}>\n`;
    }
    case 'quote':
      return `<blockquote>${renderChildren(node)}</blockquote>\n`;
    case 'code':
      return `<pre><code>${renderChildren(node)}</code></pre>\n`;
    case 'list': {
      const ordered = node.listType === 'number';
      const start = typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : '';
      const check = node.listType === 'check' ? ' class="checklist"' : '';
      return ordered ? `<ol${start}>\n${renderChildren(node)}</ol>\n` : `<ul${check}>\n${renderChildren(node)}</ul>\n`;
    }
    case 'listitem': {
      const box = typeof node.checked === 'boolean' ? `<input type="checkbox" disabled${node.checked ? ' checked' : ''}> ` : '';
      return `<li>${box}${renderChildren(node).trimEnd()}</li>\n`;
    }
    case 'table':
      return renderTable(node);
    default:
      // A node type this renderer does not know still shows its text, escaped.
      return typeof node.text === 'string' ? renderText(node) : renderChildren(node);
  }
}

const STYLE = `
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;background:#fff;max-width:52rem;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.9rem;margin:0 0 1rem}h2{font-size:1.35rem;margin:2rem 0 .6rem;border-bottom:1px solid #dde2ea;padding-bottom:.3rem}h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.93rem}th,td{border:1px solid #dde2ea;padding:.35rem .6rem;text-align:left;vertical-align:top}th{background:#f3f5f8}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em;background:#f3f5f8;border-radius:4px}code{padding:0 .25em}pre{padding:.8rem;overflow:auto}
blockquote{margin:.8rem 0;padding-left:1rem;border-left:3px solid #c7cfdb;color:#4a5568}.event-ref{color:#2357c6;font-variant-numeric:tabular-nums}
a{color:#2357c6}ul.checklist{list-style:none;padding-left:1.2rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`.trim();

/**
 * A self-contained HTML page of a postmortem, built by walking the stored editor state. Every
 * text is escaped, links keep only http(s)/mailto addresses, and the page has no scripts: a
 * Content-Security-Policy forbids anything but its inline style.
 */
export function postmortemHtml(stateJson: string, title: string): string {
  const state = JSON.parse(stateJson) as { root?: StateNode };
  const body = state.root ? renderChildren(state.root) : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<article>\n${body}</article>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
