import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { collabProvider } from '@editor/collab-binding';
import type { EditorCollaboration } from '@editor/RichTextEditor';
import { teamSync, type SyncDocHandle } from '@data/sync';
import { annotationRoot, openAnnotationTexts } from './annotation-texts';

export interface AnnotationCollaboration {
  collaboration: EditorCollaboration;
  awareness: Awareness;
  doc: Y.Doc;
}

/**
 * Co-editing of one annotation's text in a shared incident: null for a solo incident (the card
 * edits the stored text, as always), undefined while the shared document's local copy loads.
 */
export function useAnnotationCollaboration(incidentId: string, annotationId: string): AnnotationCollaboration | null | undefined {
  useSyncExternalStore(teamSync.subscribe, teamSync.getVersion);
  const client = teamSync.isShared(incidentId) ? teamSync.connection() : null;
  const key = client ? `${client.team}/${incidentId}/${annotationId}` : '';
  const [opened, setOpened] = useState<{ key: string; value: AnnotationCollaboration } | null>(null);

  useEffect(() => {
    if (!client) return;
    const handle: SyncDocHandle = openAnnotationTexts(client, incidentId);
    let cancelled = false;
    void handle.whenLocalLoaded.then(() => {
      const awareness = handle.provider()?.awareness;
      if (cancelled || !awareness) return;
      setOpened({
        key,
        value: {
          awareness,
          doc: handle.doc,
          collaboration: {
            // One binding per card: every card of the incident edits its own root of one document.
            id: `${handle.name}#${annotationId}`,
            provider: collabProvider(handle.doc, awareness),
            user: client.user,
            rootName: annotationRoot(annotationId),
          },
        },
      });
    });
    return () => {
      cancelled = true;
      handle.release();
    };
  }, [client, key, incidentId, annotationId]);

  if (!client) return null;
  return opened?.key === key ? opened.value : undefined;
}

export interface PersonWriting {
  clientId: number;
  name: string;
  color: string;
}

/** The top-level type a position lies in (an annotation's root), or null. */
function rootOf(doc: Y.Doc, position: unknown): Y.AbstractType<unknown> | null {
  if (!position || typeof position !== 'object') return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position as Y.RelativePosition, doc);
  let type: Y.AbstractType<unknown> | null = absolute?.type ?? null;
  while (type?.parent) type = type.parent as Y.AbstractType<unknown>;
  return type;
}

/** Teammates whose cursor is in this annotation right now (Lexical's cursor state in awareness). */
function peopleWriting(shared: AnnotationCollaboration, annotationId: string): PersonWriting[] {
  const root = shared.doc.get(annotationRoot(annotationId), Y.XmlText);
  const people: PersonWriting[] = [];
  for (const [clientId, state] of shared.awareness.getStates()) {
    if (clientId === shared.awareness.clientID || state.focusing !== true || typeof state.name !== 'string') continue;
    if (rootOf(shared.doc, state.anchorPos) !== root) continue;
    people.push({ clientId, name: state.name, color: typeof state.color === 'string' ? state.color : 'gray' });
  }
  return people.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** Who else is writing in this annotation, current as cursors move. */
export function usePeopleWriting(shared: AnnotationCollaboration | null | undefined, annotationId: string): PersonWriting[] {
  const [people, setPeople] = useState<{ of: unknown; people: PersonWriting[] }>({ of: null, people: [] });
  useEffect(() => {
    if (!shared) return;
    const update = () => setPeople((current) => {
      const next = peopleWriting(shared, annotationId);
      const same = current.of === shared && current.people.length === next.length && current.people.every((p, i) => p.clientId === next[i]?.clientId && p.name === next[i]?.name);
      return same ? current : { of: shared, people: next };
    });
    update();
    // A cursor can arrive before the text it points into: look again when text arrives.
    shared.awareness.on('change', update);
    shared.doc.on('update', update);
    return () => {
      shared.awareness.off('change', update);
      shared.doc.off('update', update);
    };
  }, [shared, annotationId]);
  return shared && people.of === shared ? people.people : [];
}
