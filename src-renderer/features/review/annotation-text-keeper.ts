import { $getRoot } from 'lexical';
import type * as Y from 'yjs';
import type { Annotation } from '@core/model/annotation';
import type { DebriefDatabase } from '@data/connection';
import { bindHeadlessCopy, type HeadlessCollabCopy } from '@editor/collab-binding';
import { observeIncidentAnnotations, saveAnnotationText } from '@data/annotations';
import { annotationRoot, isAnnotationTextEmpty, markAnnotationSeeded } from './annotation-texts';

/** How long an annotation's stored text may trail the shared document while people type. */
export const ANNOTATION_TEXT_SAVE_DELAY_MS = 400;

/** How many stored texts of one annotation are remembered as having come from the shared document. */
const REMEMBERED = 16;

export interface AnnotationTextKeeperOptions {
  /** The incident's `annotations` document, its local copy loaded. */
  doc: Y.Doc;
  incidentId: string;
  /** This person's Team sync name, recorded with a seed. */
  by: string;
  /**
   * Resolves when text stored before the incident was shared (or before this version) may be
   * written into the document: once the server's state is in (so two machines holding the same
   * old text do not both write it), or at once while offline.
   */
  seedAfter: Promise<void>;
  onError: (error: unknown) => void;
  database?: DebriefDatabase;
  saveDelayMs?: number;
}

export interface AnnotationTextKeeper {
  /** Writes what waits for the delay now (tests, shutdown). */
  flush(): Promise<void>;
  stop(): void;
}

interface Entry {
  id: string;
  copy: HeadlessCollabCopy | null;
  timer: ReturnType<typeof setTimeout> | null;
  /** The state waiting for the delay. */
  pending: string | null;
  /**
   * Texts this keeper stored (or found stored, or sent into the document): seen in the store,
   * they are no local edit. Only stored ones: every keystroke makes a new state, and a list of
   * those would soon forget the text stored a moment ago (which, seen again, would be sent back).
   */
  known: string[];
}

/**
 * Keeps every annotation's stored `body`/`plainText` (what search, export, the Timeline badges
 * and the meeting read) equal to its text in the shared document, on every machine, whether or
 * not anyone has the annotation open. The other way round, text stored here by an editor that
 * is not bound to the document (the meeting's note composer, text written before sharing) is
 * written into the document as this machine's edit, touching only the paragraphs that differ.
 */
export function keepAnnotationTexts(options: AnnotationTextKeeperOptions): AnnotationTextKeeper {
  const { doc, incidentId, by, onError, database } = options;
  const delay = options.saveDelayMs ?? ANNOTATION_TEXT_SAVE_DELAY_MS;
  const entries = new Map<string, Entry>();
  let stopped = false;

  const remember = (entry: Entry, text: string) => {
    if (entry.known.includes(text)) return;
    entry.known.push(text);
    if (entry.known.length > REMEMBERED) entry.known.shift();
  };

  const isLocalEdit = (entry: Entry) => (stored: string) => stored !== '' && !entry.known.includes(stored);

  const save = async (entry: Entry, state: string): Promise<void> => {
    const copy = entry.copy;
    if (!copy) return;
    const plainText = copy.editor.getEditorState().read(() => $getRoot().getTextContent());
    remember(entry, state);
    try {
      const result = await saveAnnotationText(entry.id, { body: state, plainText }, isLocalEdit(entry), database);
      // Text typed here meanwhile by an unbound editor: it goes into the document first.
      if (result.outcome === 'kept' && !stopped && entries.get(entry.id) === entry) push(entry, result.kept);
    } catch (error) {
      onError(error);
    }
  };

  const schedule = (entry: Entry, state: string) => {
    entry.pending = state;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      const pending = entry.pending;
      entry.pending = null;
      if (pending !== null) void save(entry, pending);
    }, delay);
  };

  const bind = (entry: Entry): HeadlessCollabCopy => {
    if (entry.copy) return entry.copy;
    const copy = bindHeadlessCopy(doc, annotationRoot(entry.id), (state) => schedule(entry, state), annotationRoot(entry.id));
    entry.copy = copy;
    return copy;
  };

  /**
   * Writes `body` (stored here by an unbound editor) into the document as this machine's edit;
   * `seed` for text that was stored before the document had any (remembered when first seen).
   */
  const push = (entry: Entry, body: string, seed = false) => {
    if (body === '' || (!seed && entry.known.includes(body))) return;
    const copy = bind(entry);
    remember(entry, body);
    try {
      copy.replace(body);
    } catch (error) {
      onError(error);
      return;
    }
    markAnnotationSeeded(doc, entry.id, by);
    schedule(entry, copy.state());
  };

  const drop = (entry: Entry) => {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    entry.copy?.destroy();
    entries.delete(entry.id);
  };

  const onAnnotations = (annotations: Annotation[]) => {
    if (stopped) return;
    const present = new Set<string>();
    for (const annotation of annotations) {
      present.add(annotation.id);
      const entry = entries.get(annotation.id);
      if (entry) {
        push(entry, annotation.body);
        continue;
      }
      // What is stored when first seen is no new edit: the shared text, if any, replaces it.
      const added: Entry = { id: annotation.id, copy: null, timer: null, pending: null, known: [annotation.body] };
      entries.set(annotation.id, added);
      if (!isAnnotationTextEmpty(doc, annotation.id)) {
        // The shared text wins over what is stored here.
        schedule(added, bind(added).state());
      } else if (annotation.body !== '') {
        const body = annotation.body;
        void options.seedAfter.then(() => {
          if (!stopped && entries.get(added.id) === added && isAnnotationTextEmpty(doc, added.id)) push(added, body, true);
        });
      }
    }
    for (const entry of [...entries.values()]) if (!present.has(entry.id)) drop(entry);
  };

  // Text typed into an annotation (here in a bound editor, or by a teammate) that has no copy yet.
  const onUpdate = () => {
    for (const entry of entries.values()) if (!entry.copy && !isAnnotationTextEmpty(doc, entry.id)) bind(entry);
  };
  doc.on('update', onUpdate);
  const unsubscribe = observeIncidentAnnotations(incidentId, onAnnotations, onError, database);

  const flush = async () => {
    const waiting: Promise<void>[] = [];
    for (const entry of entries.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
      const pending = entry.pending;
      entry.pending = null;
      if (pending !== null) waiting.push(save(entry, pending));
    }
    await Promise.all(waiting);
  };

  return {
    flush,
    stop: () => {
      if (stopped) return;
      void flush().finally(() => {
        for (const entry of [...entries.values()]) drop(entry);
      });
      stopped = true;
      unsubscribe();
      doc.off('update', onUpdate);
    },
  };
}
