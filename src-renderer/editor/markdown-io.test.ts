import fc from 'fast-check';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  createMarkdownHeadlessEditor,
  exportMarkdownFromState,
  importMarkdownToState,
  plainTextFromState,
} from './markdown-io';
import { EditorError } from './editor-errors';

function roundTrip(markdown: string): string {
  return exportMarkdownFromState(importMarkdownToState(markdown));
}

/** A state built the way typing builds it: one paragraph per line of plain text. */
function paragraphsState(lines: string[]): string {
  const editor = createMarkdownHeadlessEditor();
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      for (const line of lines) {
        const paragraph = $createParagraphNode();
        if (line !== '') paragraph.append($createTextNode(line));
        root.append(paragraph);
      }
    },
    { discrete: true },
  );
  return JSON.stringify(editor.getEditorState().toJSON());
}

// Documents in the form the exporter writes: importing and exporting must give the same bytes.
const CANONICAL: Array<[string, string]> = [
  ['headings', '# Summary\n\n## What happened\n\n###### Deep'],
  ['emphasis', 'The **database** was *slow* and ~~fast~~ `SELECT 1` afterwards'],
  ['quote with two lines', '> Under Control at 10:42\n> All Clear at 11:05'],
  ['nested bullet list', '- Detect\n    - pager fired\n    - dashboard red\n- Mitigate'],
  ['numbered list', '1. Roll back\n2. Drain traffic\n3. Verify'],
  ['check list', '- [ ] Add alert\n- [x] Write runbook'],
  ['list inside numbered list', '1. Repair\n    - [x] patch\n    - [ ] deploy\n2. Review'],
  ['code block with language', '```ts\nconst sev = "SEV1";\n\nif (sev) { page(); }\n```'],
  ['code block holding a fence', '````md\n```js\nx\n```\n````'],
  ['links', 'See [runbook](https://example.com/runbook?a=1&b=2) and [mail](mailto:sre@example.com)'],
  ['event reference', 'Alert fired at [10:42 pager](debrief://event/evt-123)'],
  ['mention', 'Thanks @[Alice Smith](debrief://person/p-1) and @[Bob](debrief://person/p_2) for the fix'],
  ['table', '| Stage | Owner | Notes |\n| --- | --- | --- |\n| Detect | @[Alice](debrief://person/p-1) | **fast** |\n| Mitigate | | a \\| b |'],
  ['table with code cell', '| Query |\n| --- |\n| `a \\| b` |'],
  ['emoji', 'Status 🔥 → ✅ 👩🏽‍💻'],
  ['japanese', '障害の振り返り：データベースが応答しませんでした'],
  ['arabic', 'مراجعة الحادث بدون لوم'],
  ['combining accents', 'Cafe\u0301 and Zoe\u0308'],
  ['escapes', '\\# not a heading, \\*not bold\\*, \\[not a link\\], 5 &#60; 6, back\\\\slash'],
  ['line start markers', '\\- dash\n\\> gt\n1\\. one\n\\| pipe'],
  ['hard line break', 'first line\nsecond line'],
  ['quote with a blank line', '> Conditions\n> \n> Actions'],
  ['formatted link and heading', '## Impact on *checkout*\n\nSee [**status** page](https://status.example.com/)'],
  ['table with emoji and non-Latin cells', '| 段階 | الحالة |\n| --- | --- |\n| 🔥 | *تم* |'],
  ['code block holding HTML-like text', '```html\n<script>alert(1)</script>\n```'],
];

describe('Markdown round trip', () => {
  it.each(CANONICAL)('%s is byte-identical after import → export', (_name, markdown) => {
    expect(roundTrip(markdown)).toBe(markdown);
  });
});

type JsonNode = { type: string; children?: JsonNode[]; [key: string]: unknown };

function nodesOf(markdown: string): JsonNode[] {
  const state = JSON.parse(importMarkdownToState(markdown)) as { root: JsonNode };
  const all: JsonNode[] = [];
  const walk = (node: JsonNode) => {
    all.push(node);
    node.children?.forEach(walk);
  };
  walk(state.root);
  return all;
}

describe('Markdown import builds the editor nodes', () => {
  it('reads a mention as a mention node with the person id', () => {
    const mention = nodesOf('Hi @[Alice \\[SRE\\]](debrief://person/p-1)').find((n) => n.type === 'mention');
    expect(mention).toMatchObject({ personId: 'p-1', text: '@Alice [SRE]' });
  });

  it('reads an event reference as a link to the event', () => {
    const link = nodesOf('[pager](debrief://event/e1)').find((n) => n.type === 'link');
    expect(link).toMatchObject({ url: 'debrief://event/e1' });
  });

  it('reads a GFM table with a header row, escaped pipes and empty cells', () => {
    const nodes = nodesOf('| A | B |\n| :-- | --: |\n| x \\| y | |');
    const cells = nodes.filter((n) => n.type === 'tablecell');
    expect(nodes.filter((n) => n.type === 'tablerow')).toHaveLength(2);
    expect(cells).toHaveLength(4);
    expect(cells[0]).toMatchObject({ headerState: 1 });
    expect(cells[2]).toMatchObject({ headerState: 0 });
    const texts = nodes.filter((n) => n.type === 'text').map((n) => n.text);
    expect(texts).toEqual(['A', 'B', 'x | y']);
  });

  it('reads a check list with its checked state', () => {
    const items = nodesOf('- [x] done\n- [ ] open').filter((n) => n.type === 'listitem');
    expect(items.map((n) => n.checked)).toEqual([true, false]);
  });

  it('reads the code block language', () => {
    expect(nodesOf('```python\nprint(1)\n```').find((n) => n.type === 'code')).toMatchObject({ language: 'python' });
  });
});

describe('links are limited to safe schemes', () => {
  it.each([
    ['[click](javascript:alert(1))', 'click'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', 'x'],
    ['[x](vbscript:msgbox)', 'x'],
    ['[x](file:///etc/passwd)', 'x'],
    ['[x](/relative/path)', 'x'],
  ])('%s imports as plain text', (markdown, text) => {
    const nodes = nodesOf(markdown);
    expect(nodes.some((n) => n.type === 'link')).toBe(false);
    expect(roundTrip(markdown)).toBe(text);
  });

  it('never exports a disallowed link stored in a state', () => {
    const editorState = importMarkdownToState('[a](https://ok.example)');
    const tampered = editorState.replace('https://ok.example', 'javascript:alert(1)');
    expect(exportMarkdownFromState(tampered)).toBe('a');
  });

  it('writes URLs with tag-like characters percent-encoded', () => {
    const editorState = importMarkdownToState('[a](https://ok.example)').replace('https://ok.example', 'https://x.example/<script>');
    expect(exportMarkdownFromState(editorState)).toBe('[a](https://x.example/%3Cscript%3E)');
  });
});

describe('text that looks like syntax stays text', () => {
  it.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['# heading?'],
    ['> quote?'],
    ['- item?'],
    ['1. item?'],
    ['| a | b |'],
    ['[link](https://example.com)'],
    ['@[Alice](debrief://person/p1)'],
    ['**bold** _it_ ~~s~~ `code`'],
    ['&lt; &#60; &#x3C; &amp;'],
    ['C:\\path\\to\\*file*'],
    ['   indented and trailing   '],
    ['```js'],
    ['---'],
    ['='],
    ['\t tab start'],
  ])('%s', (text) => {
    const markdown = exportMarkdownFromState(paragraphsState([text]));
    expect(markdown).not.toMatch(/<[a-z/!?]/i);
    expect(plainTextFromState(importMarkdownToState(markdown))).toBe(text);
    expect(roundTrip(markdown)).toBe(markdown);
  });
});

describe('export', () => {
  it('is deterministic and drops empty paragraphs, which Markdown cannot hold', () => {
    const state = paragraphsState(['', 'a', '', '', 'b', '']);
    expect(exportMarkdownFromState(state)).toBe('a\n\nb');
    expect(exportMarkdownFromState(state)).toBe(exportMarkdownFromState(state));
  });

  it('rejects a state that is not an editor state with a typed error', () => {
    expect(() => exportMarkdownFromState('{"nope":1}')).toThrow(EditorError);
    try {
      exportMarkdownFromState('not json');
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-editor-state' });
    }
  });
});

// Single-line text: pressing Enter in the editor starts a new paragraph, so a paragraph's own
// text never holds a newline.
const userText = fc.string({ unit: fc.oneof(fc.constantFrom(...'*_`~\\#>-+=|[]()<>&;!@:.0123456789 \tabcXYZ'.split('')), fc.constantFrom('é', 'ü', '日', 'ع', '\u0301', '🔥', 'javascript:', 'data:', '<script', '&#60;', '&lt;', '```', '@[', '](')), minLength: 1, maxLength: 40 });

describe('property: user text survives', () => {
  it('random paragraphs survive export → import exactly and never emit HTML or unsafe links', () => {
    fc.assert(
      fc.property(fc.array(userText, { minLength: 1, maxLength: 4 }), (lines) => {
        const markdown = exportMarkdownFromState(paragraphsState(lines));
        expect(markdown).not.toMatch(/<script/i);
        expect(markdown).not.toMatch(/<\/?[a-z][^>]*>/i);
        expect(markdown).not.toMatch(/(?<!\\)\]\([ \t]*<?[ \t]*(javascript|data):/i);
        const reimported = importMarkdownToState(markdown);
        const paragraphs = (JSON.parse(reimported) as { root: JsonNode }).root.children ?? [];
        const texts = paragraphs.map((p) => (p.children ?? []).map((c) => (c.type === 'tab' ? '\t' : String(c.text ?? ''))).join(''));
        // Blank paragraphs do not exist in Markdown: whitespace-only ones are dropped like empty ones,
        // and a document left with nothing keeps one empty paragraph for the caret.
        const kept = lines.filter((l) => !/^\s*$/.test(l));
        expect(texts).toEqual(kept.length > 0 ? kept : ['']);
        expect(exportMarkdownFromState(reimported)).toBe(markdown);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('any single-line Unicode text survives as a paragraph', () => {
    const anyLine = fc.string({ unit: 'binary', maxLength: 30 }).filter((text) => !/[\r\n\u2028\u2029]/.test(text));
    fc.assert(
      fc.property(anyLine, (text) => {
        const markdown = exportMarkdownFromState(paragraphsState([text]));
        expect(markdown).not.toMatch(/<\/?[a-z!?]/i);
        expect(plainTextFromState(importMarkdownToState(markdown))).toBe(/^\s*$/.test(text) ? '' : text);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
