import { useEffect, useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { collabProvider } from '@editor/collab-binding';
import type { EditorCollaboration } from '@editor/RichTextEditor';
import { useIncidentSyncDoc } from '@data/sync';
import { annotationRoot } from './annotation-texts';

export interface AnnotationCollaboration {
  collaboration: EditorCollaboration;
  awareness: Awareness;
  doc: Y.Doc;
}

const ANNOTATIONS = { kind: 'annotations' } as const;

/**
 * Co-editing of one annotation's text in a shared incident: null for a solo incident (the card
 * edits the stored text, as always), undefined while the shared document's local copy loads.
 */
export function useAnnotationCollaboration(incidentId: string, annotationId: string): AnnotationCollaboration | null | undefined {
  // Every card of the incident shares the one annotations document: closing a card keeps presence.
  const open = useIncidentSyncDoc(incidentId, ANNOTATIONS);
  return useMemo(() => {
    if (!open) return open;
    const { handle, awareness, user } = open;
    return {
      awareness,
      doc: handle.doc,
      collaboration: {
        // One binding per card: every card of the incident edits its own root of one document.
        id: `${handle.name}#${annotationId}`,
        provider: collabProvider(handle.doc, awareness),
        user,
        rootName: annotationRoot(annotationId),
      },
    };
  }, [open, annotationId]);
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
