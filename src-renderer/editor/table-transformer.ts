import { $generateNodesFromMarkdownString, $convertToMarkdownString, type MultilineElementTransformer, type Transformer } from '@lexical/markdown';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  TableCellHeaderStates,
  TableCellNode,
  TableNode,
  TableRowNode,
} from '@lexical/table';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $isParagraphNode,
  type ElementNode,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { pipesAsLiteral } from './markdown-placeholders';
import { escapeBlockLines, escapeTableCell, isTableDelimiterRow, splitTableRow } from './markdown-escape';

// A GFM cell is one line, so line breaks and paragraph boundaries inside it travel as this
// character reference, which the importer decodes back into a newline.
const CELL_NEWLINE = '&#10;';

function $cellMarkdown(cell: TableCellNode, transformers: Transformer[]): string {
  // Block syntax cannot live in a cell, so each line is escaped again as a plain line; lines the
  // paragraph export already escaped pass through unchanged.
  const lines = $convertToMarkdownString(transformers, cell).split('\n').map(escapeBlockLines);
  return escapeTableCell(lines.join(CELL_NEWLINE));
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

/** Line breaks come back from the cell Markdown as "\n" inside text; the editor models them as nodes. */
function $splitNewlines(element: ElementNode): void {
  for (const text of element.getAllTextNodes()) {
    let node: TextNode | undefined = text;
    while (node) {
      const at = node.getTextContent().indexOf('\n');
      if (at === -1) break;
      const parts: TextNode[] = node.splitText(at, at + 1);
      const newline = at === 0 ? parts[0] : parts[1];
      const rest: TextNode | undefined = at === 0 ? parts[1] : parts[2];
      newline?.replace($createLineBreakNode());
      node = rest;
    }
  }
}

function $createCell(markdown: string, header: boolean, transformers: Transformer[]): TableCellNode {
  const cell = $createTableCellNode(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS);
  const nodes = markdown === '' ? [] : $generateNodesFromMarkdownString(markdown, transformers, true);
  const first = nodes[0];
  let paragraph: ElementNode;
  if (nodes.length === 1 && $isParagraphNode(first)) {
    paragraph = first;
  } else {
    // A cell holds inline content; anything that still parsed as a block is kept as its text.
    paragraph = $createParagraphNode();
    const text = nodes.map((node) => node.getTextContent()).join('\n');
    if (text !== '') paragraph.append($createTextNode(text));
  }
  $splitNewlines(paragraph);
  cell.append(paragraph);
  return cell;
}

/**
 * GFM pipe tables. Written with a header row, one `---` delimiter and `\|` for pipes inside
 * cells (even inside code spans, as GFM requires); read back the same way.
 */
export function createTableTransformer(getTransformers: () => Transformer[]): MultilineElementTransformer {
  const transformer: MultilineElementTransformer = {
    dependencies: [TableNode, TableRowNode, TableCellNode],
    export: (node) => $exportTable(node, getTransformers()),
    regExpStart: /^\|/,
    handleImportAfterStartMatch: ({ lines, rootNode, startLineIndex }) => {
      const headerCells = splitTableRow(lines[startLineIndex] ?? '');
      const delimiter = lines[startLineIndex + 1];
      if (!headerCells || delimiter === undefined || !isTableDelimiterRow(delimiter)) return null;
      const rows: string[][] = [headerCells];
      let index = startLineIndex + 2;
      for (; index < lines.length; index++) {
        const cells = splitTableRow(lines[index] ?? '');
        if (!cells) break;
        rows.push(cells);
      }
      const width = Math.max(...rows.map((cells) => cells.length));
      const table = $createTableNode();
      rows.forEach((cells, rowIndex) => {
        const row = $createTableRowNode();
        for (let i = 0; i < width; i++) row.append($createCell(pipesAsLiteral(cells[i] ?? ''), rowIndex === 0, getTransformers()));
        table.append(row);
      });
      rootNode.append(table);
      return [true, index - 1];
    },
    replace: () => false,
    type: 'multiline-element',
  };
  return transformer;
}
