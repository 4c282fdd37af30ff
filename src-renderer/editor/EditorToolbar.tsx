import { $createCodeNode } from '@lexical/code';
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import {
  $isListNode,
  INSERT_CHECK_LIST_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
  type ListType,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { $isCodeNode } from '@lexical/code';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { BulletListIcon, CheckListIcon, CodeBlockIcon, LinkIcon, NumberedListIcon, QuoteIcon, TableIcon } from './toolbar-icons';
import { isAllowedUrl } from './url-policy';

type BlockType = 'paragraph' | 'h2' | 'quote' | 'code' | ListType | 'other';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  block: BlockType;
  link: boolean;
}

const INITIAL: ToolbarState = { bold: false, italic: false, block: 'paragraph', link: false };

function blockTypeOf(node: LexicalNode): BlockType {
  const block = $findMatchingParent(node, (n) => n.getParent()?.getKey() === 'root' || $isListNode(n));
  if (!block) return 'other';
  if ($isListNode(block)) return block.getListType();
  if ($isHeadingNode(block)) return block.getTag() === 'h2' ? 'h2' : 'other';
  if ($isQuoteNode(block)) return 'quote';
  if ($isCodeNode(block)) return 'code';
  return block.getType() === 'paragraph' ? 'paragraph' : 'other';
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const MOD = 'Mod+';

/** "Mod+Shift+8" as shown in a tooltip and as aria-keyshortcuts expects it. */
function shortcutText(shortcut: string): { shown: string; aria: string } {
  return {
    shown: shortcut.replace('Mod+', isMac ? '⌘' : 'Ctrl+'),
    aria: shortcut.replace('Mod+', isMac ? 'Meta+' : 'Control+'),
  };
}

/** Formatting controls for RichTextEditor; every action also has a keyboard shortcut. */
export function EditorToolbar() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(INITIAL);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkUrl, setLinkUrl] = useState('https://');
  const [linkError, setLinkError] = useState('');
  const linkInputId = useId();

  const setBlock = useCallback(
    (target: BlockType) => {
      editor.update(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return;
        const current = blockTypeOf(selection.anchor.getNode());
        const create = (): ElementNode => {
          if (current === target) return $createParagraphNode();
          if (target === 'h2') return $createHeadingNode('h2');
          if (target === 'quote') return $createQuoteNode();
          if (target === 'code') return $createCodeNode();
          return $createParagraphNode();
        };
        $setBlocksType(selection, create);
      });
    },
    [editor],
  );

  const toggleList = useCallback(
    (type: ListType) => {
      if (state.block === type) {
        editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
        return;
      }
      const command = type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : type === 'number' ? INSERT_ORDERED_LIST_COMMAND : INSERT_CHECK_LIST_COMMAND;
      editor.dispatchCommand(command, undefined);
    },
    [editor, state.block],
  );

  const insertTable = useCallback(() => {
    editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } });
  }, [editor]);

  const toggleLink = useCallback(() => {
    if (state.link) {
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
      return;
    }
    setLinkError('');
    setLinkOpen(true);
  }, [editor, state.link]);

  const applyLink = (event: FormEvent) => {
    event.preventDefault();
    const url = linkUrl.trim();
    if (!isAllowedUrl(url)) {
      setLinkError('Use an http, https, mailto or debrief link.');
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    setLinkOpen(false);
    editor.focus();
  };

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const node = selection.anchor.getNode();
            setState({
              bold: selection.hasFormat('bold'),
              italic: selection.hasFormat('italic'),
              block: blockTypeOf(node),
              link: $findMatchingParent(node, $isLinkNode) !== null,
            });
          });
        }),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event: KeyboardEvent) => {
            const mod = isMac ? event.metaKey : event.ctrlKey;
            if (!mod) return false;
            const key = event.key.toLowerCase();
            let handled = true;
            if (key === 'k' && !event.shiftKey && !event.altKey) toggleLink();
            else if (event.altKey && event.code === 'Digit2') setBlock('h2');
            else if (event.altKey && event.code === 'Digit0') setBlock('paragraph');
            else if (event.shiftKey && event.code === 'Digit7') toggleList('number');
            else if (event.shiftKey && event.code === 'Digit8') toggleList('bullet');
            else if (event.shiftKey && event.code === 'Digit9') toggleList('check');
            else if (event.altKey && event.code === 'KeyQ') setBlock('quote');
            else if (event.altKey && event.code === 'KeyC') setBlock('code');
            else if (event.altKey && event.code === 'KeyT') insertTable();
            else handled = false;
            if (handled) event.preventDefault();
            return handled;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, insertTable, setBlock, toggleLink, toggleList],
  );

  const button = (label: string, shortcut: string, pressed: boolean | undefined, onClick: () => void, content: ReactNode) => (
    <button
      type="button"
      className="editor-toolbar-button"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcutText(shortcut).aria}
      title={`${label} (${shortcutText(shortcut).shown})`}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {content}
    </button>
  );

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      {button('Bold', `${MOD}B`, state.bold, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), 'B')}
      {button('Italic', `${MOD}I`, state.italic, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), 'I')}
      {button('Heading', `${MOD}Alt+2`, state.block === 'h2', () => setBlock('h2'), 'H')}
      {button('Bulleted list', `${MOD}Shift+8`, state.block === 'bullet', () => toggleList('bullet'), <BulletListIcon />)}
      {button('Numbered list', `${MOD}Shift+7`, state.block === 'number', () => toggleList('number'), <NumberedListIcon />)}
      {button('Check list', `${MOD}Shift+9`, state.block === 'check', () => toggleList('check'), <CheckListIcon />)}
      {button('Quote', `${MOD}Alt+Q`, state.block === 'quote', () => setBlock('quote'), <QuoteIcon />)}
      {button('Code block', `${MOD}Alt+C`, state.block === 'code', () => setBlock('code'), <CodeBlockIcon />)}
      {button('Link', `${MOD}K`, state.link, toggleLink, <LinkIcon />)}
      {button('Insert table', `${MOD}Alt+T`, undefined, insertTable, <TableIcon />)}
      {linkOpen && (
        <form className="editor-link-form" onSubmit={applyLink}>
          <label htmlFor={linkInputId}>Link URL</label>
          <input
            id={linkInputId}
            type="url"
            value={linkUrl}
            autoFocus
            aria-invalid={linkError !== ''}
            aria-describedby={linkError ? `${linkInputId}-error` : undefined}
            onChange={(event) => setLinkUrl(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                setLinkOpen(false);
                editor.focus();
              }
            }}
          />
          <button type="submit">Apply</button>
          <button type="button" onClick={() => setLinkOpen(false)}>
            Cancel
          </button>
          {linkError && (
            <span id={`${linkInputId}-error`} role="alert" className="editor-link-error">
              {linkError}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
