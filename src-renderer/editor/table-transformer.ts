import { $convertToMarkdownString, type MultilineElementTransformer, type Transformer } from '@lexical/markdown';
import { $isTableCellNode, $isTableNode, $isTableRowNode, TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { LexicalNode } from 'lexical';
import { escapeBlockLines, escapeCellPipes } from '@core/markdown/markdown-escape';

// A GFM cell is one line, so line breaks and paragraph boundaries inside it travel as this
// character reference, which the importer decodes back into a newline.
const CELL_NEWLINE = '&#10;';

function $cellMarkdown(cell: TableCellNode, transformers: Transformer[]): string {
  // Block syntax cannot live in a cell, so each line is escaped again as a plain line; lines the
  // paragraph export already escaped pass through unchanged.
  const lines = $convertToMarkdownString(transformers, cell).split('\n').map(escapeBlockLines);
  return escapeCellPipes(lines.join(CELL_NEWLINE));
}

function $exportTable(node: LexicalNode, transformers: Transformer[]): string | null {
  if (!$isTableNode(node)) return null;
  const rows = node.getChildren().filter($isTableRowNode).map((row) => {
    const cells: string[] = [];
    for (const cell of row.getChildren()) {
      if (!$isTableCellNode(cell)) continue;
      cells.push($cellMarkdown(cell, transformers));
      // Merged cells cannot be written in GFM; the columns they cover are kept as empty cells.
      for (let i = 1; i < cell.getColSpan(); i++) cells.push('');
    }
    return cells;
  });
  const width = Math.max(1, ...rows.map((cells) => cells.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`.replace(/ {2}\|/g, ' |');
  const [header = [], ...body] = rows;
  return [line(header), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n');
}

/**
 * GFM pipe tables. Written with a header row, one `---` delimiter and `\|` for pipes inside
 * cells (even inside code spans, as GFM requires); markdown-import.ts reads them back.
 */
export function createTableTransformer(getTransformers: () => Transformer[]): MultilineElementTransformer {
  const transformer: MultilineElementTransformer = {
    dependencies: [TableNode, TableRowNode, TableCellNode],
    export: (node) => $exportTable(node, getTransformers()),
    // Tables are read by the Markdown parser (markdown-import.ts), never typed as Markdown.
    regExpStart: /(?!)/,
    replace: () => false,
    type: 'multiline-element',
  };
  return transformer;
}
