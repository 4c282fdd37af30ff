import { $createCodeNode } from '@lexical/code';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, type ListNode, type ListType } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $isElementNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type TextFormatType,
} from 'lexical';
import type { Definition, List, ListItem, Nodes, Parents, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { toString } from 'mdast-util-to-string';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { $createMentionNode } from './mention-node';
import { PERSON_URL_PREFIX, isAllowedUrl, isValidReferenceId } from './url-policy';

/**
 * CommonMark plus the GFM parts the editor writes: pipe tables, `~~strikethrough~~` and task
 * list items. Autolink literals and footnotes are left out: the editor has no footnotes, and a
 * bare URL in someone's text stays the text they wrote.
 */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfmTable(), gfmStrikethrough({ singleTilde: false }), gfmTaskListItem()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown()],
  });
}

/** What one conversion needs besides the node at hand. */
interface Context {
  source: string;
  definitions: Map<string, Definition>;
}

/** The Markdown a node was written as, for blocks the editor has no node for. */
function sourceOf(node: Nodes, context: Context): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? toString(node) : context.source.slice(start, end);
}

/** Text as editor nodes: line breaks and tabs are nodes of their own in lexical. */
function $textNodes(text: string, formats: readonly TextFormatType[]): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) nodes.push($createLineBreakNode());
    line.split('\t').forEach((part, tabIndex) => {
      if (tabIndex > 0) nodes.push($createTabNode());
      if (part === '') return;
      const node = $createTextNode(part);
      for (const format of formats) node.toggleFormat(format);
      nodes.push(node);
    });
  });
  return nodes;
}

/** Appends `text` to the end of `nodes`, and drops one trailing "@" when asked (mentions). */
function endsWithAt(nodes: LexicalNode[]): boolean {
  const last = nodes[nodes.length - 1];
  return $isTextNode(last) && !last.hasFormat('code') && last.getTextContent().endsWith('@');
}

function dropTrailingAt(nodes: LexicalNode[]): void {
  const last = nodes[nodes.length - 1];
  if (!$isTextNode(last)) return;
  const text = last.getTextContent().slice(0, -1);
  if (text === '') nodes.pop();
  else last.setTextContent(text);
}

/** A link to an allowed address, or only its text: `javascript:` and friends never become links. */
function $link(url: string, title: string | null | undefined, children: LexicalNode[], out: LexicalNode[]): void {
  if (!isAllowedUrl(url)) {
    out.push(...children);
    return;
  }
  out.push($createLinkNode(url, { title: title ?? null }).append(...children));
}

function $inline(nodes: readonly PhrasingContent[], formats: readonly TextFormatType[], context: Context, out: LexicalNode[] = []): LexicalNode[] {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(...$textNodes(node.value, formats));
        break;
      case 'emphasis':
        $inline(node.children, [...formats, 'italic'], context, out);
        break;
      case 'strong':
        $inline(node.children, [...formats, 'bold'], context, out);
        break;
      case 'delete':
        $inline(node.children, [...formats, 'strikethrough'], context, out);
        break;
      case 'inlineCode': {
        // CommonMark reads a line ending inside a code span as a space.
        const code = $createTextNode(node.value.replace(/\n/g, ' '));
        for (const format of [...formats, 'code' as const]) code.toggleFormat(format);
        out.push(code);
        break;
      }
      case 'break':
        out.push($createLineBreakNode());
        break;
      case 'html':
        // Raw HTML is never rendered: it stays the text that was written.
        out.push(...$textNodes(node.value, formats));
        break;
      case 'link': {
        // `@[Name](debrief://person/<id>)` is a mention.
        const personId = node.url.startsWith(PERSON_URL_PREFIX) ? node.url.slice(PERSON_URL_PREFIX.length) : null;
        if (personId !== null && isValidReferenceId(personId) && endsWithAt(out)) {
          dropTrailingAt(out);
          out.push($createMentionNode(personId, toString(node)));
          break;
        }
        $link(node.url, node.title, $inline(node.children, formats, context), out);
        break;
      }
      case 'linkReference': {
        const definition = context.definitions.get(node.identifier);
        const children = $inline(node.children, formats, context);
        if (definition) $link(definition.url, definition.title, children, out);
        else out.push(...children);
        break;
      }
      case 'image':
      case 'imageReference': {
        // The editor has no images: the alt text is kept, as a link to the picture where allowed.
        const url = node.type === 'image' ? node.url : context.definitions.get(node.identifier)?.url;
        out.push(...$textNodes('!', formats));
        const alt = $textNodes(node.alt ?? '', formats);
        if (url === undefined) out.push(...alt);
        else $link(url, node.type === 'image' ? node.title : null, alt, out);
        break;
      }
      default:
        // Footnote references are not parsed; anything else keeps its text.
        out.push(...$textNodes(toString(node), formats));
    }
  }
  return out;
}

/** Inline content of a container block whose editor node holds no blocks (quotes, list items). */
function $flatten(children: readonly RootContent[], context: Context, separator: number): LexicalNode[] {
  const out: LexicalNode[] = [];
  for (const child of children) {
    if (out.length > 0) for (let i = 0; i < separator; i++) out.push($createLineBreakNode());
    if (child.type === 'paragraph' || child.type === 'heading') $inline(child.children, [], context, out);
    else out.push(...$textNodes(toString(child), []));
  }
  return out;
}

function listType(list: List): ListType {
  if (list.children.some((item) => typeof item.checked === 'boolean')) return 'check';
  return list.ordered ? 'number' : 'bullet';
}

/** A nested list is its own list item in lexical, right after the item it belongs to. */
function $list(list: List, context: Context): ListNode {
  const type = listType(list);
  const node = $createListNode(type, list.ordered ? (list.start ?? 1) : 1);
  for (const item of list.children) {
    const own = item.children.filter((child) => child.type !== 'list');
    const nested = item.children.filter((child): child is List => child.type === 'list');
    if (own.length > 0 || nested.length === 0) node.append($listItem(item, own, type, context));
    for (const sublist of nested) node.append($createListItemNode().append($list(sublist, context)));
  }
  return node;
}

function $listItem(item: ListItem, own: readonly RootContent[], type: ListType, context: Context): LexicalNode {
  const node = $createListItemNode(type === 'check' ? item.checked === true : undefined);
  return node.append(...$flatten(own, context, 1));
}

function $table(table: Table, context: Context): LexicalNode {
  const node = $createTableNode();
  const width = Math.max(...table.children.map((row) => row.children.length));
  table.children.forEach((row, rowIndex) => {
    const rowNode = $createTableRowNode();
    for (let i = 0; i < width; i++) {
      const cell = $createTableCellNode(rowIndex === 0 ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
      const paragraph = $createParagraphNode();
      const content = row.children[i];
      if (content) paragraph.append(...$inline(content.children, [], context));
      rowNode.append(cell.append(paragraph));
    }
    node.append(rowNode);
  });
  return node;
}

function $block(node: RootContent, context: Context): LexicalNode | null {
  switch (node.type) {
    case 'paragraph':
      return $createParagraphNode().append(...$inline(node.children, [], context));
    case 'heading':
      return $createHeadingNode(`h${node.depth}`).append(...$inline(node.children, [], context));
    case 'blockquote':
      // A quote holds inline content; its paragraphs are kept apart by a blank line.
      return $createQuoteNode().append(...$flatten(node.children, context, 2));
    case 'list':
      return $list(node, context);
    case 'code':
      return $createCodeNode(node.lang ?? undefined).append($createTextNode(node.value));
    case 'table':
      return $table(node, context);
    case 'definition':
      // Used by the references that point at it; not content of its own.
      return null;
    default:
      // Thematic breaks, raw HTML and anything else the editor has no node for stay as written.
      return $createParagraphNode().append(...$textNodes(sourceOf(node, context), []));
  }
}

function collectDefinitions(node: Parents | Nodes, into: Map<string, Definition>): Map<string, Definition> {
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
  return into;
}

/**
 * CommonMark reads U+0000 as U+FFFD, but the editor keeps any character a person's text holds:
 * it stands in as a private-use character the text does not contain and is put back afterwards.
 */
function nulStandIn(markdown: string): string | null {
  if (!markdown.includes('\u0000')) return null;
  for (let code = 0xf0000; code <= 0xffffd; code++) {
    const char = String.fromCodePoint(code);
    if (!markdown.includes(char)) return char;
  }
  return null;
}

/** Parses `markdown` once and appends the editor nodes for it to `container`. */
export function $appendMarkdown(markdown: string, container: ElementNode): void {
  const standIn = nulStandIn(markdown);
  const source = standIn ? markdown.replaceAll('\u0000', standIn) : markdown;
  const tree = parseMarkdown(source);
  const context: Context = { source, definitions: collectDefinitions(tree, new Map()) };
  const appended: LexicalNode[] = [];
  for (const child of tree.children) {
    const node = $block(child, context);
    if (node) appended.push(node);
  }
  container.append(...appended);
  if (!standIn) return;
  for (const node of appended) {
    const texts = $isTextNode(node) ? [node] : $isElementNode(node) ? node.getAllTextNodes() : [];
    for (const text of texts) if (text.getTextContent().includes(standIn)) text.setTextContent(text.getTextContent().replaceAll(standIn, '\u0000'));
  }
}
