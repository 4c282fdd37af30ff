import {
  BOLD_ITALIC_STAR,
  BOLD_STAR,
  CHECK_LIST,
  CODE,
  HEADING,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  BOLD_UNDERSCORE,
  BOLD_ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type ElementTransformer,
  type MultilineElementTransformer,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import { $createLinkNode, $isAutoLinkNode, $isLinkNode } from '@lexical/link';
import { $createTextNode, $isParagraphNode, $isTabNode, $isTextNode, ParagraphNode, type ElementNode } from 'lexical';
import { escapeBlockLines, escapeInlineText } from './markdown-escape';
import { decodePlaceholders } from './markdown-placeholders';
import { $createMentionNode, $isMentionNode, MentionNode } from './mention-node';
import { createTableTransformer } from './table-transformer';
import { PERSON_URL_PREFIX, isAllowedUrl, isValidReferenceId } from './url-policy';

const NEVER = /(?!)/;

/** Wraps a block transformer so every line of its inline content is escaped for line starts. */
function withEscapedLines(transformer: ElementTransformer): ElementTransformer {
  return {
    ...transformer,
    export: (node, traverseChildren, selection) =>
      transformer.export(node, (child: ElementNode) => escapeBlockLines(traverseChildren(child)), selection),
  };
}

/** Root paragraphs have no transformer in @lexical/markdown; this one exists only to escape their lines. */
const PARAGRAPH: ElementTransformer = {
  dependencies: [ParagraphNode],
  export: (node, traverseChildren) => {
    if (!$isParagraphNode(node)) return null;
    // Markdown has no blank paragraphs (the importer drops them), so whitespace-only ones go the
    // way of empty ones instead of coming back as something else.
    if (node.getChildren().every($isTextNode) && /^\s*$/.test(node.getTextContent())) return '';
    return escapeBlockLines(traverseChildren(node));
  },
  regExp: NEVER,
  replace: () => false,
  type: 'element',
};

/** Plain user text: lexical escapes emphasis characters, this adds brackets, `<` and character references. */
const ESCAPED_TEXT: TextMatchTransformer = {
  dependencies: [],
  export: (node, _exportChildren, exportFormat) => {
    if (!$isTextNode(node) || $isMentionNode(node) || $isTabNode(node) || node.hasFormat('code')) return null;
    return escapeInlineText(exportFormat(node, node.getTextContent()));
  },
  regExp: NEVER,
  type: 'text-match',
};

/** Labels and URLs are read after escapes became placeholders (see markdown-placeholders.ts). */
function unescapeLabel(label: string): string {
  return decodePlaceholders(label).replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function escapeLabel(label: string): string {
  return escapeInlineText(label.replace(/([\\*_`~])/g, '\\$1'));
}

/** `@[Name](debrief://person/<id>)`: a link any Markdown reader shows, that reads back as a mention. */
const MENTION: TextMatchTransformer = {
  dependencies: [MentionNode],
  export: (node) => {
    if (!$isMentionNode(node)) return null;
    return `@[${escapeLabel(node.getName())}](${PERSON_URL_PREFIX}${node.getPersonId()})`;
  },
  importRegExp: /@\[((?:\\.|[^\\\]\n])+)\]\(debrief:\/\/person\/([A-Za-z0-9_-]+)\)/,
  regExp: /@\[((?:\\.|[^\\\]\n])+)\]\(debrief:\/\/person\/([A-Za-z0-9_-]+)\)$/,
  replace: (textNode, match) => {
    const [, label = '', personId = ''] = match;
    if (!isValidReferenceId(personId)) return;
    textNode.replace($createMentionNode(personId, unescapeLabel(label)));
  },
  trigger: ')',
  type: 'text-match',
};

/**
 * Lexical's link pattern ignores escapes, so `\\[a\\](b)` would still read as a link. The label is
 * reworked to stop at escaped brackets and to refuse an opening bracket behind an odd run of backslashes.
 */
function notEscaped(pattern: RegExp): RegExp {
  const destinationStart = pattern.source.indexOf(String.raw`(?:\(\s*`);
  if (destinationStart <= 0) throw new TypeError('unexpected @lexical/markdown link pattern');
  const guarded = String.raw`(?<!(?:^|[^\\])(?:\\\\)*\\)\[((?:\\.|[^\\\[\]\n])+)\]`;
  return new RegExp(guarded + pattern.source.slice(destinationStart), pattern.flags);
}

/**
 * Written raw and percent-encoded wherever a character would end the destination, start an
 * escape or read as a tag, so the URL stays equivalent and never needs the `<…>` form.
 */
function linkDestination(url: string): string {
  return url
    .replace(/&(?=#\d+;|#[Xx][\dA-Fa-f]+;|[A-Za-z][\dA-Za-z]*;)/g, '&#38;')
    .replace(/[\s<>()\\"`*_~[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Links, limited to the allowed schemes: a disallowed link keeps only its text on import, and
 * exports as that text, so `javascript:` or `data:` never reaches a file.
 */
const SAFE_LINK: TextMatchTransformer = {
  ...LINK,
  export: (node, exportChildren) => {
    if (!$isLinkNode(node) || $isAutoLinkNode(node)) return null;
    const text = exportChildren(node);
    if (!isAllowedUrl(node.getURL())) return text;
    const title = node.getTitle();
    const titlePart = title ? ` "${escapeInlineText(title.replace(/(["\\])/g, '\\$1'))}"` : '';
    return `[${text === '' ? escapeLabel(node.getURL()) : text}](${linkDestination(node.getURL())}${titlePart})`;
  },
  importRegExp: notEscaped(LINK.importRegExp ?? LINK.regExp),
  regExp: notEscaped(LINK.regExp),
  replace: (textNode, match) => {
    const [, label = '', pointyUrl, rawUrl, quotedTitle, apostrophedTitle, parenthesizedTitle] = match;
    const url = unescapeLabel(pointyUrl ?? rawUrl ?? '');
    const rawTitle = quotedTitle ?? apostrophedTitle ?? parenthesizedTitle;
    // The label stays escaped: the importer formats and unescapes the returned node itself.
    const labelNode = $createTextNode(label).setFormat(textNode.getFormat());
    if (!isAllowedUrl(url)) {
      textNode.replace(labelNode);
      return labelNode;
    }
    const link = $createLinkNode(url, { title: rawTitle === undefined ? null : unescapeLabel(rawTitle) });
    link.append(labelNode);
    textNode.replace(link);
    return labelNode;
  },
};

/**
 * CommonMark: a backtick fence's info string cannot hold a backtick, so "``` a``b ``` c" is a
 * paragraph starting with a code span, which is exactly what the exporter writes for one.
 */
const FENCED_CODE: MultilineElementTransformer = {
  ...CODE,
  handleImportAfterStartMatch: (args) => {
    const line = args.lines[args.startLineIndex] ?? '';
    const fence = /^[ \t]*`{3,}/.exec(line)?.[0] ?? '';
    if (line.slice(fence.length).includes('`')) return null;
    return CODE.handleImportAfterStartMatch?.(args);
  },
};

const TABLE = createTableTransformer(() => MARKDOWN_TRANSFORMERS);

/**
 * The one transformer list used for import, export and typing shortcuts. Order matters: tables
 * and code claim whole lines first; mentions are tried before links because `@[x](…)` contains one.
 */
export const MARKDOWN_TRANSFORMERS: Transformer[] = [
  TABLE,
  FENCED_CODE,
  PARAGRAPH,
  withEscapedLines(HEADING),
  withEscapedLines(QUOTE),
  withEscapedLines(CHECK_LIST),
  withEscapedLines(UNORDERED_LIST),
  withEscapedLines(ORDERED_LIST),
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  MENTION,
  SAFE_LINK,
  ESCAPED_TEXT,
];


