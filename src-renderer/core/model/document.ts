export interface PostmortemDocument {
  id: string;
  incidentId: string;
  /** 'current' is the working document; 'version' a named snapshot of it. */
  kind: 'current' | 'version';
  name: string;
  templateId: string;
  /** Serialized Lexical editor state (JSON). */
  body: string;
  dismissedFindings: string[];
  createdAt: number;
  updatedAt: number;
}
