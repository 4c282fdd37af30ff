import { Fragment, useMemo, type ReactNode } from 'react';
import { parseChatText, type ChatBlock, type ChatInline } from '@core/chat-text/chat-text';
import './chat-text.css';

/** What a leaf of the text is, so the caller can draw it (search hits, links, redactions). */
export type ChatLeafKind = 'text' | 'mention' | 'code' | 'emoji';

/**
 * Draws the text in [start, end) of one leaf. For emoji, returning undefined keeps the emoji
 * character; a caller returns something else when the range is hidden (a redaction).
 */
export type ChatLeafRenderer = (start: number, end: number, kind: ChatLeafKind) => ReactNode;

interface ChatTextProps {
  text: string;
  /** Names the source mentioned, so a mention covers the whole name. */
  mentions?: readonly string[];
  renderLeaf?: ChatLeafRenderer;
  /** The text already parsed (by a caller that needs the leaves too); parsed here otherwise. */
  blocks?: readonly ChatBlock[];
}

/**
 * Chat message text (Slack mrkdwn) as React elements: bold, italic, strike, code, code blocks,
 * quotes, lists, emoji and whole-name mentions. Never HTML: every character is a text node.
 */
export function ChatText({ text, mentions, renderLeaf, blocks: parsed }: ChatTextProps) {
  const own = useMemo(() => (parsed ? null : parseChatText(text, { mentions })), [parsed, text, mentions]);
  const blocks = parsed ?? own ?? [];
  const leaf: ChatLeafRenderer = renderLeaf ?? ((start, end, kind) => (kind === 'emoji' ? undefined : text.slice(start, end)));
  return <>{blocks.map((block, i) => renderBlock(block, i, text, leaf))}</>;
}

function renderBlock(block: ChatBlock, key: number, text: string, leaf: ChatLeafRenderer): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return (
        <span key={key} className="chat-line">
          {block.children.length ? renderInline(block.children, text, leaf) : '\u00a0'}
        </span>
      );
    case 'code-block':
      return (
        <pre key={key} className="chat-pre">
          <code>{leaf(block.start, block.end, 'code')}</code>
        </pre>
      );
    case 'quote':
      return (
        <blockquote key={key} className="chat-quote">
          {block.lines.map((line, i) => (
            <span key={i} className="chat-line">
              {line.length ? renderInline(line, text, leaf) : '\u00a0'}
            </span>
          ))}
        </blockquote>
      );
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderInline(item.children, text, leaf)}</li>);
      return block.ordered ? (
        <ol key={key} className="chat-list" start={block.items[0]?.number ?? 1}>
          {items}
        </ol>
      ) : (
        <ul key={key} className="chat-list">
          {items}
        </ul>
      );
    }
  }
}

function renderInline(nodes: readonly ChatInline[], text: string, leaf: ChatLeafRenderer): ReactNode {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text': {
        // Plain text needs no key and no fragment of its own (one fewer fiber per piece of every row drawn).
        const drawn = leaf(node.start, node.end, 'text');
        return typeof drawn === 'string' ? drawn : <Fragment key={i}>{drawn}</Fragment>;
      }
      case 'bold':
        return <strong key={i}>{renderInline(node.children, text, leaf)}</strong>;
      case 'italic':
        return <em key={i}>{renderInline(node.children, text, leaf)}</em>;
      case 'strike':
        return <s key={i}>{renderInline(node.children, text, leaf)}</s>;
      case 'code':
        return (
          <code key={i} className="chat-code">
            {leaf(node.start, node.end, 'code')}
          </code>
        );
      case 'mention':
        return (
          <span key={i} className="chat-mention">
            {leaf(node.start, node.end, 'mention')}
          </span>
        );
      case 'emoji': {
        const drawn = leaf(node.start, node.end, 'emoji');
        if (drawn !== undefined) return <Fragment key={i}>{drawn}</Fragment>;
        return node.char ? (
          <span key={i} className="chat-emoji" role="img" aria-label={node.name.replace(/::.*/, '').replace(/_/g, ' ')} title={`:${node.name}:`}>
            {node.char}
          </span>
        ) : (
          <span key={i} className="chat-emoji-custom" title="Custom emoji">
            {text.slice(node.start, node.end)}
          </span>
        );
      }
    }
  });
}
