// `node bench/editor-bench.mjs`: speed of the postmortem document path on the INC-482 golden
// file (one real postmortem) and on a long one (the same body 20 times): Markdown import,
// Markdown export, HTML export and the section alignment that keeps prose when regenerating.
// Prints medians in ms; compare runs of this script on two commits (same machine, same run of work).
// Two comparisons run in the same process, as ratios:
// - section alignment's longest common subsequence: Jest's diff-sequences (Myers, used) against
//   the O(n·m) table it replaced;
// - the HTML export: ours (used) against @lexical/html's $generateHtmlFromNodes on the same
//   headless editor, with what each page holds.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTs } from './load-ts.mjs';

const golden = readFileSync(fileURLToPath(new URL('../src-renderer/features/postmortem/__golden__/inc-482-incident-review.md', import.meta.url)), 'utf8');
const body = golden.replace(/^---\n[\s\S]*?\n---\n\n?/, '').trimEnd();
const long = Array.from({ length: 20 }, () => body).join('\n\n');

function median(fn, runs) {
  fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function runEditorBench() {
  const io = await loadTs('src-renderer/editor/markdown-io.ts');
  const html = await loadTs('src-renderer/features/postmortem/html-export.ts');
  const align = await loadTs('src-renderer/features/postmortem/section-align.ts');
  const { importMarkdownToState, exportMarkdownFromState } = io.module;
  const rows = [];
  for (const [name, markdown, runs] of [
    ['INC-482 (1 postmortem)', body, 30],
    ['INC-482 ×20 (long)', long, 5],
  ]) {
    const state = importMarkdownToState(markdown);
    const exported = exportMarkdownFromState(state);
    const sections = align.module.splitBlocks(exported).map((markdown, i) => (i % 3 === 0 ? { kind: 'generated', key: `k${i}`, markdown } : { kind: 'prose', markdown }));
    // The user's edit: one block in ten rewritten, so alignment has work to do.
    const edited = align.module.splitBlocks(exported).map((b, i) => (i % 10 === 5 ? `${b} (edited)` : b)).join('\n\n');
    rows.push({
      document: name,
      blocks: sections.length,
      'import ms': median(() => importMarkdownToState(markdown), runs).toFixed(1),
      'export ms': median(() => exportMarkdownFromState(state), runs).toFixed(1),
      'html ms': median(() => html.module.postmortemHtml(state, 'INC-482'), runs).toFixed(1),
      'align ms': median(() => align.module.alignSections(sections, edited), runs).toFixed(2),
    });
  }
  console.table(rows);
  await Promise.all([io.close(), html.close(), align.close()]);
  await compareBlocks(long);
  await compareLcs();
  await compareHtml(body);
}

/** The longest-common-subsequence table section-align.ts used before diff-sequences. */
function tableLcs(a, b) {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  let pairs = 0;
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      pairs++;
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** section-align's line scanner against the Markdown parser's top-level blocks, on editor output. */
async function compareBlocks(markdown) {
  const io = await loadTs('src-renderer/editor/markdown-io.ts');
  const parser = await loadTs('src-renderer/editor/markdown-import.ts');
  const align = await loadTs('src-renderer/features/postmortem/section-align.ts');
  const exported = io.module.exportMarkdownFromState(io.module.importMarkdownToState(markdown));
  const parsed = () => parser.module.parseMarkdown(exported).children.map((n) => exported.slice(n.position.start.offset, n.position.end.offset));
  const scanned = () => align.module.splitBlocks(exported);
  if (JSON.stringify(parsed()) !== JSON.stringify(scanned())) throw new Error('the scanner and the parser disagree');
  const scanner = median(scanned, 5);
  const micromark = median(parsed, 5);
  console.log(`Blocks of INC-482 ×20 as exported (${scanned().length}, identical): scanner ${scanner.toFixed(2)} ms, micromark ${micromark.toFixed(1)} ms (${(micromark / scanner).toFixed(0)}× slower)`);
  await Promise.all([io.close(), parser.close(), align.close()]);
}

async function compareLcs() {
  const { default: diffSequences } = await import('@jest/diff-sequences');
  const myers = (a, b) => {
    let pairs = 0;
    diffSequences(a.length, b.length, (i, j) => a[i] === b[j], (count) => (pairs += count));
    return pairs;
  };
  const doc = (n) => Array.from({ length: n }, (_, i) => (i % 7 === 3 ? '_None noted yet._' : `block ${i} ${'x'.repeat(i % 40)}`));
  const rows = [];
  for (const n of [44, 880, 3000]) {
    const a = doc(n);
    const b = a.map((x, i) => (i % 10 === 5 ? `${x} (edited)` : x)).filter((_, i) => i % 17 !== 2);
    const runs = n > 1000 ? 5 : 30;
    const used = median(() => myers(a, b), runs);
    const table = median(() => tableLcs(a, b), runs);
    if (myers(a, b) !== tableLcs(a, b)) throw new Error('the two LCS lengths differ');
    rows.push({ blocks: n, 'diff-sequences ms': used.toFixed(3), 'table ms': table.toFixed(3), speed: `${(table / used).toFixed(1)}×`, 'table memory MB': ((n + 1) * (b.length + 1) * 4 / 1e6).toFixed(1) });
  }
  console.log('Section alignment LCS, 10% of blocks edited, 6% deleted:');
  console.table(rows);
}

async function compareHtml(markdown) {
  const io = await loadTs('src-renderer/editor/markdown-io.ts');
  const html = await loadTs('src-renderer/features/postmortem/html-export.ts');
  const { $generateHtmlFromNodes } = await import('@lexical/html');
  const { withDOM } = await import('@lexical/headless/dom');
  const state = io.module.importMarkdownToState(markdown);
  const editor = io.module.loadHeadlessState(state);
  const lexical = () => withDOM(() => editor.read(() => $generateHtmlFromNodes(editor)));
  const ours = () => html.module.postmortemHtml(state, 'INC-482');
  const count = (page, pattern) => (page.match(pattern) ?? []).length;
  const row = (name, fn) => {
    const page = fn();
    return { renderer: name, 'ms': median(fn, 30).toFixed(2), bytes: page.length, tables: count(page, /<table/g), 'event refs kept': count(page, /class="event-ref"/g), 'links to about:blank': count(page, /about:blank/g), 'check boxes': count(page, /type="checkbox"/g) };
  };
  console.log('HTML export of INC-482 (2 tables, 16 event references):');
  console.table([row('ours (html-export.ts)', ours), row('@lexical/html (happy-dom in Node)', lexical)]);
  await Promise.all([io.close(), html.close()]);
}

if (import.meta.url === `file://${process.argv[1]}`) await runEditorBench();
