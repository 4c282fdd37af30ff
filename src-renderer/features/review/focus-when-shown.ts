/**
 * Puts the caret in the editor of a card that is about to appear: the new record comes back
 * through a live query a few frames after it was written, so this waits for it (up to ~2 s).
 */
export function focusEditorWhenShown(container: () => ParentNode | null, annotationId: string, framesLeft = 120): void {
  const editor = container()?.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(annotationId)}"] [contenteditable="true"]`);
  if (editor) {
    editor.focus();
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => focusEditorWhenShown(container, annotationId, framesLeft - 1));
}
