import type { EditorThemeClasses } from 'lexical';

/** Class names styled in editor.css. */
export const EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'editor-paragraph',
  quote: 'editor-quote',
  heading: { h1: 'editor-h1', h2: 'editor-h2', h3: 'editor-h3', h4: 'editor-h4', h5: 'editor-h5', h6: 'editor-h6' },
  list: {
    ul: 'editor-ul',
    ol: 'editor-ol',
    listitem: 'editor-li',
    listitemChecked: 'editor-li-checked',
    listitemUnchecked: 'editor-li-unchecked',
    nested: { listitem: 'editor-li-nested' },
  },
  link: 'editor-link',
  mark: 'editor-comment',
  markOverlap: 'editor-comment-overlap',
  code: 'editor-code-block',
  table: 'editor-table',
  tableCell: 'editor-td',
  tableCellHeader: 'editor-th',
  tableSelection: 'editor-table-selection',
  text: {
    bold: 'editor-bold',
    italic: 'editor-italic',
    strikethrough: 'editor-strike',
    underline: 'editor-underline',
    code: 'editor-code',
  },
};
