import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { $getRoot, type EditorState } from 'lexical';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { EditorError } from './editor-errors';
import { EDITOR_THEME } from './editor-theme';
import { EditorToolbar } from './EditorToolbar';
import { EventReferencePlugin } from './EventReferencePlugin';
import { $importMarkdown, loadHeadlessState } from './markdown-io';
import { MARKDOWN_TRANSFORMERS } from './markdown-transformers';
import { MentionsPlugin, type MentionPerson } from './MentionsPlugin';
import { EDITOR_NODES } from './nodes';
import { isAllowedUrl } from './url-policy';
import './editor.css';

export interface RichTextEditorProps {
  /** Serialized editor state (JSON), as stored in `body`. Wins over `initialMarkdown`. */
  initialState?: string;
  initialMarkdown?: string;
  /** Called with the serialized state and its plain text after every content change. */
  onChange: (state: string, plainText: string) => void;
  people: readonly MentionPerson[];
  onEventReferenceClick?: (eventId: string) => void;
  ariaLabel: string;
  readOnly?: boolean;
  placeholder?: string;
  /** Extra plugins rendered inside the composer, e.g. BlamelessHighlightPlugin. */
  children?: ReactNode;
}

function initialEditorState(initialState?: string, initialMarkdown?: string): InitialConfigType['editorState'] {
  if (initialState !== undefined && initialState !== '') {
    // Reading it in a throwaway editor first turns a corrupt body into a typed error.
    loadHeadlessState(initialState);
    return initialState;
  }
  if (initialMarkdown !== undefined) return () => $importMarkdown(initialMarkdown);
  return undefined;
}

/** The rich-text composer used for postmortem documents and annotations. */
export function RichTextEditor({
  initialState,
  initialMarkdown,
  onChange,
  people,
  onEventReferenceClick,
  ariaLabel,
  readOnly = false,
  placeholder,
  children,
}: RichTextEditorProps) {
  // The initial content is read once: later prop changes must not reset what the user typed.
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'debrief-editor',
    nodes: [...EDITOR_NODES],
    theme: EDITOR_THEME,
    editable: !readOnly,
    editorState: initialEditorState(initialState, initialMarkdown),
    onError: (error: Error) => {
      throw new EditorError('editor-update-failed', error.message, { cause: error });
    },
  }));

  const handleChange = useCallback(
    (editorState: EditorState) => {
      const plainText = editorState.read(() => $getRoot().getTextContent());
      onChange(JSON.stringify(editorState.toJSON()), plainText);
    },
    [onChange],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className={readOnly ? 'editor-shell editor-readonly' : 'editor-shell'}>
        {!readOnly && <EditorToolbar />}
        <div className="editor-surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="editor-content"
                aria-label={ariaLabel}
                aria-multiline
                aria-readonly={readOnly}
                aria-placeholder={placeholder ?? ''}
                placeholder={<div className="editor-placeholder">{placeholder ?? ''}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <CheckListPlugin />
        <LinkPlugin validateUrl={isAllowedUrl} />
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
        <MarkdownShortcutPlugin transformers={MARKDOWN_TRANSFORMERS} />
        <OnChangePlugin onChange={handleChange} ignoreSelectionChange />
        {!readOnly && <MentionsPlugin people={people} />}
        <EventReferencePlugin onEventReferenceClick={onEventReferenceClick} />
        <ReadOnlySync readOnly={readOnly} />
        {children}
      </div>
    </LexicalComposer>
  );
}

/** Keeps `editable` in step with the prop after the first render. */
function ReadOnlySync({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);
  return null;
}
