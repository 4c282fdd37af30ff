import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
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
import type { Provider } from '@lexical/yjs';
import { $getRoot, type EditorState, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { EditorError } from './editor-errors';
import { EDITOR_THEME } from './editor-theme';
import { EditorToolbar } from './EditorToolbar';
import { EventReferencePlugin } from './EventReferencePlugin';
import { $importMarkdown, loadHeadlessState } from './markdown-io';
import { MARKDOWN_TRANSFORMERS } from './markdown-transformers';
import { MentionsPlugin, type MentionPerson } from './MentionsPlugin';
import { EDITOR_NODES } from './nodes';
import { remoteCursorsFollower, type RemoteCursorsFollower } from './remote-cursors-follow-layout';
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
  /**
   * Co-editing: the content comes from the shared document (initial content is ignored), remote
   * cursors show names and colours, and undo only undoes this person's changes.
   */
  collaboration?: EditorCollaboration;
  /** Receives the editor, for whole-document replacements while co-editing. */
  editorRef?: MutableRefObject<LexicalEditor | null>;
}

export interface EditorCollaboration {
  /** The shared document's name (one binding per document). */
  id: string;
  /** A provider whose `bridge.view` is the doc the binding edits (collab-binding.ts). */
  provider: Provider & { bridge: { view: Y.Doc } };
  user: { name: string; color: string };
  /** The Y.XmlText this editor edits, when one doc holds several (annotations); 'root' otherwise. */
  rootName?: string;
  /** Sent to teammates with this person's cursor (e.g. which annotation they are in). */
  awarenessData?: Record<string, unknown>;
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
  collaboration,
  editorRef,
}: RichTextEditorProps) {
  // The initial content is read once: later prop changes must not reset what the user typed.
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'debrief-editor',
    nodes: [...EDITOR_NODES],
    theme: EDITOR_THEME,
    editable: !readOnly,
    // A co-edited editor starts empty: the binding fills it from the shared document.
    editorState: collaboration ? null : initialEditorState(initialState, initialMarkdown),
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

  const cursorsRef = useRef<HTMLDivElement | null>(null);
  const provider = collaboration?.provider;
  const providerFactory = useCallback(
    (id: string, docs: Map<string, Y.Doc>) => {
      if (!provider) throw new EditorError('editor-update-failed', 'Co-editing started without a shared document.');
      docs.set(id, provider.bridge.view);
      return provider;
    },
    [provider],
  );
  const cursorsFollower = useMemo(() => (provider ? remoteCursorsFollower(provider) : null), [provider]);

  const composer = (
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
          {collaboration && <div className="editor-cursors" ref={cursorsRef} />}
        </div>
        {collaboration ? (
          <CollaborationPlugin
            id={collaboration.id}
            providerFactory={providerFactory}
            // Never seeded from here: the machine that holds the text seeds it once (postmortem companion).
            shouldBootstrap={false}
            username={collaboration.user.name}
            cursorColor={collaboration.user.color}
            cursorsContainerRef={cursorsRef}
            {...(cursorsFollower ? { syncCursorPositionsFn: cursorsFollower.syncCursorPositionsFn } : {})}
            {...(collaboration.rootName ? { rootName: collaboration.rootName } : {})}
            {...(collaboration.awarenessData ? { awarenessData: collaboration.awarenessData } : {})}
          />
        ) : (
          <HistoryPlugin />
        )}
        {cursorsFollower && <RemoteCursorsFollow follower={cursorsFollower} />}
        {editorRef && <EditorRefPlugin editorRef={editorRef} />}
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
  return collaboration ? <LexicalCollaboration>{composer}</LexicalCollaboration> : composer;
}

/** Re-places teammates' cursor labels after this person's edits move the text under them. */
function RemoteCursorsFollow({ follower }: { follower: RemoteCursorsFollower }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => follower.follow(editor), [editor, follower]);
  return null;
}

/** Keeps `editable` in step with the prop after the first render. */
function ReadOnlySync({ readOnly }: { readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);
  return null;
}
