import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isHeadingNode, HeadingNode } from '@lexical/rich-text';
import { $isTableNode, TableNode } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, $getRoot, type LexicalEditor, type NodeKey } from 'lexical';

/** A heading's level once the document sits under the page's own headings (h1 → level 2 under an h1). */
export function nestedHeadingLevel(tag: string, offset: number): number {
  return Math.min(6, Number(tag.slice(1)) + offset);
}

/** A table's name: the heading it follows ("Timeline" → "Timeline table"), or a plain "Table n". */
export function tableName(heading: string | null, index: number): string {
  return heading && heading.trim() !== '' ? `${heading.trim()} table` : `Table ${index + 1}`;
}

function applyHeadingLevels(editor: LexicalEditor, keys: NodeKey[], offset: number): void {
  editor.getEditorState().read(() => {
    for (const key of keys) {
      const node = $getNodeByKey(key);
      const element = editor.getElementByKey(key);
      if ($isHeadingNode(node) && element) element.setAttribute('aria-level', String(nestedHeadingLevel(node.getTag(), offset)));
    }
  });
}

function applyTableNames(editor: LexicalEditor): void {
  editor.getEditorState().read(() => {
    let index = 0;
    let heading: string | null = null;
    // Tables and headings are top-level blocks of a document.
    for (const node of $getRoot().getChildren()) {
      if ($isHeadingNode(node)) heading = node.getTextContent();
      if (!$isTableNode(node)) continue;
      // Lexical may wrap the table in a scroll container.
      const element = editor.getElementByKey(node.getKey());
      const table = element instanceof HTMLTableElement ? element : element?.querySelector('table');
      table?.setAttribute('aria-label', tableName(heading, index));
      index++;
    }
  });
}

/**
 * Fits a document into the page's outline for screen readers: its headings sit one level under
 * the page's (the postmortem's "# Title" is not a second h1 of the page), and each table is
 * named after the heading it follows. Only ARIA attributes change; the document does not.
 */
export function DocumentOutlinePlugin({ headingOffset = 1 }: { headingOffset?: number }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerMutationListener(HeadingNode, (mutations) => {
          applyHeadingLevels(editor, [...mutations].filter(([, kind]) => kind !== 'destroyed').map(([key]) => key), headingOffset);
          applyTableNames(editor);
        }),
        editor.registerMutationListener(TableNode, () => applyTableNames(editor)),
      ),
    [editor, headingOffset],
  );
  return null;
}
