import { $getRoot } from 'lexical';
import { bindHeadlessCopy } from '@editor/collab-binding';
import { $appendMarkdown } from '@editor/markdown-import';
import { loadHeadlessState } from '@editor/markdown-io';
import { loadCurrentDocument, saveBody } from '@data/documents';
import { teamSync } from '@data/sync';

/**
 * Appends Markdown (the meeting's minutes) to the end of the incident's postmortem. A co-edited
 * postmortem gets it as an edit through its shared document, so it reaches every writer and
 * nobody's typing is overwritten. False when there is no postmortem yet.
 */
export async function appendToPostmortem(incidentId: string, markdown: string): Promise<boolean> {
  const current = await loadCurrentDocument(incidentId);
  if (!current) return false;
  const client = teamSync.isShared(incidentId) ? teamSync.connection() : null;
  if (client) {
    const handle = client.open({ kind: 'document', team: client.team, incidentId, documentId: current.id });
    try {
      await handle.whenLocalLoaded;
      const copy = bindHeadlessCopy(handle.doc, handle.name);
      copy.editor.update(() => $appendMarkdown(markdown, $getRoot()), { discrete: true });
      copy.destroy();
    } finally {
      handle.release();
    }
    return true;
  }
  const editor = loadHeadlessState(current.body);
  editor.update(() => $appendMarkdown(markdown, $getRoot()), { discrete: true });
  await saveBody(current.id, JSON.stringify(editor.getEditorState().toJSON()));
  return true;
}
