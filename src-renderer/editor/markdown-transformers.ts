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
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import { $createLinkNode, $isAutoLinkNode, $isLinkNode } from '@lexical/link';
import { $createTextNode, $isParagraphNode, $isRootNode, $isTabNode, $isTextNode, ParagraphNode, type ElementNode } from 'lexical';
import { escapeBlockLines, escapeMarkup, escapeText, linkDestination, linkTitle } from '@core/markdown/markdown-escape';
import { $createMentionNode, $isMentionNode, MentionNode } from './mention-node';
import { createTableTransformer } from './table-transformer';
import { PERSON_URL_PREFIX, exportedUrl, isAllowedUrl, isValidReferenceId } from './url-policy';

const NEVER = /(?!)/;

/**
 * A block's inline Markdown as lines safe to start a line with. Line breaks at its start or end,
 * or several in a row, would read as blank lines that end the block, so they are left out.
 */
function blockLines(markdown: string): string {
  return escapeBlockLines(markdown.replace(/^\n+|\n+$/g, '').replace(/\n{3,}/g, '\n\n'));
}

/** Wraps a block transformer so every line of its inline content is escaped for line starts. */
function withEscapedLines(transformer: ElementTransformer): ElementTransformer {
  return {
    ...transformer,
    export: (node, traverseChildren, selection) => transformer.export(node, (child: ElementNode) => blockLines(traverseChildren(child)), selection),
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
    // In a table cell line breaks travel as character references, so blank lines end nothing there.
    return $isRootNode(node.getParent()) ? blockLines(traverseChildren(node)) : escapeBlockLines(traverseChildren(node));
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
    return escapeMarkup(exportFormat(node, node.getTextContent()));
  },
  regExp: NEVER,
  type: 'text-match',
};

/** Typed shortcuts are plain text; a backslash someone typed before punctuation still escapes it. */
function unescapeTyped(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}


/**
 * `@[Name](debrief://person/<id>)`: a link any Markdown reader shows, that reads back as a
 * mention (markdown-import.ts). The pattern is only for the typing shortcut.
 */
const MENTION: TextMatchTransformer = {
  dependencies: [MentionNode],
  export: (node) => {
    if (!$isMentionNode(node)) return null;
    return `@[${escapeText(node.getName())}](${PERSON_URL_PREFIX}${node.getPersonId()})`;
  },
  regExp: /@\[((?:\\.|[^\\\]\n])+)\]\(debrief:\/\/person\/([A-Za-z0-9_-]+)\)$/,
  replace: (textNode, match) => {
    const [, label = '', personId = ''] = match;
    if (!isValidReferenceId(personId)) return;
    textNode.replace($createMentionNode(personId, unescapeTyped(label)));
  },
  trigger: ')',
  type: 'text-match',
};

/**
 * Links, limited to the allowed schemes: a disallowed link exports as its text (and imports as
 * its text, see markdown-import.ts), so `javascript:` or `data:` never reaches a file. The
 * patterns are lexical's, for the typing shortcut.
 */
const SAFE_LINK: TextMatchTransformer = {
  ...LINK,
  export: (node, exportChildren) => {
    if (!$isLinkNode(node) || $isAutoLinkNode(node)) return null;
    const text = exportChildren(node);
    if (!isAllowedUrl(node.getURL())) return text;
    const title = node.getTitle();
    const titlePart = title ? linkTitle(title) : '';
    const url = exportedUrl(node.getURL());
    return `[${text === '' ? escapeText(url) : text}](${linkDestination(url)}${titlePart})`;
  },
  replace: (textNode, match) => {
    const [, label = '', pointyUrl, rawUrl, quotedTitle, apostrophedTitle, parenthesizedTitle] = match;
    const url = unescapeTyped(pointyUrl ?? rawUrl ?? '');
    const rawTitle = quotedTitle ?? apostrophedTitle ?? parenthesizedTitle;
    const labelNode = $createTextNode(label).setFormat(textNode.getFormat());
    if (!isAllowedUrl(url)) {
      textNode.replace(labelNode);
      return labelNode;
    }
    const link = $createLinkNode(url, { title: rawTitle === undefined ? null : unescapeTyped(rawTitle) });
    link.append(labelNode);
    textNode.replace(link);
    return labelNode;
  },
};

const TABLE = createTableTransformer(() => MARKDOWN_TRANSFORMERS);

/**
 * The one transformer list for export and typing shortcuts (import parses with micromark, see
 * markdown-import.ts). Order matters: tables and code claim whole blocks first; mentions are
 * tried before links because `@[x](…)` contains one.
 */
export const MARKDOWN_TRANSFORMERS: Transformer[] = [
  TABLE,
  CODE,
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


