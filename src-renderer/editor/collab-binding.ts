import { $generateNodesFromSerializedNodes, type BaseSerializedNode } from '@lexical/clipboard';
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider, type ProviderAwareness } from '@lexical/yjs';
import { $createParagraphNode, $getRoot, COLLABORATION_TAG, SKIP_COLLAB_TAG, type LexicalEditor, type LexicalNode } from 'lexical';
import * as Y from 'yjs';
import { EditorError } from './editor-errors';
import { createMarkdownHeadlessEditor } from './markdown-io';

/**
 * Co-editing plumbing shared by the live editor (Lexical's CollaborationPlugin) and the
 * background copy that keeps the stored body current.
 *
 * Lexical's binding only reads a document through change events, so it cannot open a Y.Doc
 * that already holds content (facebook/lexical#4999) — and ours always does once its local copy
 * is loaded. Each binding therefore gets a fresh view doc that is kept in step with the shared
 * doc, update for update, starting with everything the shared doc holds when it connects.
 */

/** The Y.XmlText a postmortem document's Lexical tree lives in (CollaborationPlugin's default). */
export const COLLAB_ROOT = 'root';

/** Written into a document's `meta` map by the machine that seeded it from its local copy. */
export const SEEDED_KEY = 'seededBy';

/** True when the shared document holds no content yet (nobody seeded it). */
export function isSharedDocumentEmpty(doc: Y.Doc): boolean {
  return doc.get(COLLAB_ROOT, Y.XmlText).length === 0 && !doc.getMap('meta').has(SEEDED_KEY);
}

/** Marks the document seeded, so no other machine ever seeds it again. */
export function markSeeded(doc: Y.Doc, by: string): void {
  doc.getMap('meta').set(SEEDED_KEY, by);
}

export interface DocBridge {
  readonly view: Y.Doc;
  /** Copies what either side lacks and keeps them in step from now on. */
  connect(): void;
  disconnect(): void;
}

/**
 * A view doc kept in step with `source`. `clientID` lets the view write as the source's client,
 * so awareness (keyed by the source's client id) and the binding agree on which cursor is ours;
 * the copy is synchronous, so the two never write with that id at the same time.
 */
export function bridgeDoc(source: Y.Doc, clientID?: number): DocBridge {
  const view = new Y.Doc();
  // Its own origin: an update another bridge copied into `source` must still reach this view.
  const BRIDGE = Symbol('collab-bridge');
  if (clientID !== undefined) view.clientID = clientID;
  const toView = (update: Uint8Array, origin: unknown) => {
    if (origin !== BRIDGE) Y.applyUpdate(view, update, BRIDGE);
  };
  const toSource = (update: Uint8Array, origin: unknown) => {
    if (origin !== BRIDGE) Y.applyUpdate(source, update, BRIDGE);
  };
  let connected = false;
  return {
    view,
    connect: () => {
      if (connected) return;
      connected = true;
      Y.applyUpdate(view, Y.encodeStateAsUpdate(source, Y.encodeStateVector(view)), BRIDGE);
      Y.applyUpdate(source, Y.encodeStateAsUpdate(view, Y.encodeStateVector(source)), BRIDGE);
      source.on('update', toView);
      view.on('update', toSource);
    },
    disconnect: () => {
      if (!connected) return;
      connected = false;
      source.off('update', toView);
      view.off('update', toSource);
    },
  };
}

type SyncListener = (isSynced: boolean) => void;

/** y-protocols' Awareness, as far as the binding uses it (its states are untyped records). */
export interface AwarenessLike {
  clientID: number;
  getLocalState(): Record<string, unknown> | null;
  getStates(): Map<number, Record<string, unknown>>;
  setLocalState(state: Record<string, unknown> | null): void;
  setLocalStateField(field: string, value: unknown): void;
  on(type: 'update', listener: () => void): void;
  off(type: 'update', listener: () => void): void;
}

/**
 * The Provider Lexical's CollaborationPlugin talks to: the team's connection (owned by team sync,
 * never closed by the editor) seen through a view doc, and its awareness for cursors.
 */
export function collabProvider(source: Y.Doc, awareness: AwarenessLike): Provider & { bridge: DocBridge } {
  const bridge = bridgeDoc(source, awareness.clientID);
  const syncListeners = new Set<SyncListener>();
  return {
    bridge,
    awareness: awareness as unknown as ProviderAwareness,
    connect: () => {
      bridge.connect();
      for (const listener of syncListeners) listener(true);
    },
    disconnect: () => bridge.disconnect(),
    on: (type: string, listener: unknown) => {
      if (type === 'sync') syncListeners.add(listener as SyncListener);
    },
    off: (type: string, listener: unknown) => {
      if (type === 'sync') syncListeners.delete(listener as SyncListener);
    },
  } as Provider & { bridge: DocBridge };
}

const noop = () => undefined;

/** A Provider for a binding that shows nobody's cursor (the background copy). */
function presenceFreeProvider(): Provider {
  const awareness: ProviderAwareness = {
    getLocalState: () => null,
    getStates: () => new Map(),
    on: noop,
    off: noop,
    setLocalState: noop,
    setLocalStateField: noop,
  };
  return { awareness, connect: noop, disconnect: noop, on: noop, off: noop };
}

/** Pairs (old index, new index) of a longest common subsequence of two lists of block texts. */
function commonBlocks(before: readonly string[], after: readonly string[]): Array<[number, number]> {
  const rows = before.length;
  const cols = after.length;
  const table: Uint32Array[] = Array.from({ length: rows + 1 }, () => new Uint32Array(cols + 1));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      const row = table[i] as Uint32Array;
      const next = table[i + 1] as Uint32Array;
      row[j] = before[i] === after[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (before[i] === after[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (((table[i + 1] as Uint32Array)[j] as number) >= ((table[i] as Uint32Array)[j + 1] as number)) i++;
    else j++;
  }
  return pairs;
}

/**
 * Replaces the editor's content with a serialized state, inside `editor.update()`, touching only
 * the top-level blocks that differ. Unlike `setEditorState` this is an ordinary edit: a Yjs
 * binding sends only the changed blocks, so a teammate typing in a paragraph that stayed the same
 * (prose, while Regenerate refreshes the generated tables) keeps every keystroke.
 */
export function $replaceWithSerializedState(editor: LexicalEditor, json: string): void {
  let wanted: BaseSerializedNode[];
  try {
    wanted = (editor.parseEditorState(json).toJSON().root.children ?? []) as BaseSerializedNode[];
  } catch (cause) {
    throw new EditorError('invalid-editor-state', 'The stored document could not be read.', { cause });
  }
  const root = $getRoot();
  const existing = root.getChildren();
  // The committed state holds the same blocks in the same order as `existing`.
  const existingJson = ((editor.getEditorState().toJSON().root.children ?? []) as unknown[]).map((child) => JSON.stringify(child));
  const matches = existingJson.length === existing.length ? commonBlocks(existingJson, wanted.map((child) => JSON.stringify(child))) : [];
  const kept = new Set(matches.map(([i]) => i));
  existing.forEach((node, i) => {
    if (!kept.has(i)) node.remove();
  });
  let previous: LexicalNode | null = null;
  let match = 0;
  wanted.forEach((child, j) => {
    const pair = matches[match];
    if (pair && pair[1] === j) {
      previous = existing[pair[0]] ?? previous;
      match++;
      return;
    }
    for (const node of $generateNodesFromSerializedNodes([child])) {
      if (previous) previous.insertAfter(node);
      else {
        const first = root.getFirstChild();
        if (first) first.insertBefore(node);
        else root.append(node);
      }
      previous = node;
    }
  });
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

export interface HeadlessCollabCopy {
  readonly editor: LexicalEditor;
  /** The current content as a serialized editor state (JSON). */
  state(): string;
  /** Writes `json` into the shared document as this machine's edit (seeding, tests). */
  replace(json: string): void;
  destroy(): void;
}

/**
 * A DOM-free editor bound to `doc` through the official binding: it loads what `doc` holds,
 * then every remote change arrives as a Lexical update and `onChange` gets the serialized state.
 * No cursors, no undo. `rootName` picks the Y.XmlText when one doc holds several texts.
 */
export function bindHeadlessCopy(doc: Y.Doc, id: string, onChange: (state: string) => void = noop, rootName: string = COLLAB_ROOT): HeadlessCollabCopy {
  const editor = createMarkdownHeadlessEditor();
  const provider = presenceFreeProvider();
  const bridge = bridgeDoc(doc);
  const binding: Binding = createYjsBinding({ editor, id, doc: bridge.view, docMap: new Map([[id, bridge.view]]), rootName });
  const sharedRoot = binding.root.getSharedType();
  const onYjs = (events: Y.YEvent<Y.XmlText>[], transaction: Y.Transaction) => {
    if (transaction.origin === binding) return;
    syncYjsChangesToLexical(binding, provider, events, false, noop);
    // Committed at once: a local edit made next must not share an update (and its
    // "collaboration" tag, which the binding does not send) with this remote one.
    editor.update(noop, { discrete: true });
  };
  const observer = onYjs as unknown as (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => void;
  sharedRoot.observeDeep(observer);
  const state = () => {
    // Remote changes are applied in a batched (asynchronous) update: commit it before reading.
    editor.update(noop, { discrete: true });
    return JSON.stringify(editor.getEditorState().toJSON());
  };
  const removeListener = editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    if (!tags.has(SKIP_COLLAB_TAG)) {
      syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
    }
    if (tags.has(COLLABORATION_TAG)) onChange(JSON.stringify(editorState.toJSON()));
  });
  bridge.connect();
  return {
    editor,
    state,
    replace: (json) => editor.update(() => $replaceWithSerializedState(editor, json), { discrete: true }),
    destroy: () => {
      bridge.disconnect();
      removeListener();
      sharedRoot.unobserveDeep(observer);
      bridge.view.destroy();
    },
  };
}
