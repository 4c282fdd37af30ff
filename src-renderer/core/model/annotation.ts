export const ANNOTATION_TAGS = [
  'question',
  'contributing factor',
  'went well',
  'went poorly',
  'where we got lucky',
  'follow-up',
] as const;
export type AnnotationTag = (typeof ANNOTATION_TAGS)[number];

export type AnnotationTarget =
  | { type: 'incident' }
  | { type: 'event'; eventId: string }
  | { type: 'range'; from: number; to: number };

export interface Annotation {
  id: string;
  incidentId: string;
  target: AnnotationTarget;
  /** Indexed copy of target.eventId (null otherwise) so annotations load per event. */
  eventId: string | null;
  tags: AnnotationTag[];
  /** Serialized Lexical editor state (JSON) and its plain-text rendering for search and export. */
  body: string;
  plainText: string;
  author: string;
  dismissedFindings: string[];
  createdAt: number;
  updatedAt: number;
}
