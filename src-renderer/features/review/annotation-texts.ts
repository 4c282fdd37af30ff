import * as Y from 'yjs';
import type { SyncClient, SyncDocHandle } from '@data/sync';

/**
 * A shared incident's annotation texts live in one `annotations` document: one Y.XmlText per
 * annotation, co-edited through Lexical's Yjs binding (rootName = `annotation:<id>`).
 */
export function annotationRoot(annotationId: string): string {
  return `annotation:${annotationId}`;
}

/** Annotation id → who seeded its text from a stored body (so nobody seeds it twice). */
const SEEDED_MAP = 'seeded';

/** True when nobody wrote this annotation's text into the shared document yet. */
export function isAnnotationTextEmpty(doc: Y.Doc, annotationId: string): boolean {
  return doc.get(annotationRoot(annotationId), Y.XmlText).length === 0 && !doc.getMap(SEEDED_MAP).has(annotationId);
}

export function markAnnotationSeeded(doc: Y.Doc, annotationId: string, by: string): void {
  doc.getMap(SEEDED_MAP).set(annotationId, by);
}

/** Opens the incident's annotations document (release the handle when done). */
export function openAnnotationTexts(client: SyncClient, incidentId: string): SyncDocHandle {
  return client.open({ kind: 'annotations', team: client.team, incidentId });
}
