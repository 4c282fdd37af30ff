import diffSequences from '@jest/diff-sequences';
import type { DocumentSection } from '@core/postmortem/render-template';

/**
 * Top-level Markdown blocks: runs of lines separated by blank lines, a fenced code block
 * (blank lines and all) staying one block. This reads only Markdown the editor wrote (exported
 * documents and normalised template sections), where that is exactly what a block is: a test
 * checks it against the Markdown parser's blocks, which cost 100× more to find
 * (`node bench/editor-bench.mjs`).
 */
export function splitBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (current.length > 0) blocks.push(current.join('\n'));
    current = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence === null) {
      if (line.trim() === '') {
        flush();
        continue;
      }
      const open = /^(`{3,}|~{3,})/.exec(line);
      if (open?.[1]) fence = open[1];
    } else if (line.startsWith(fence) && line.trim() === fence) {
      fence = null;
    }
    current.push(line);
  }
  flush();
  return blocks;
}

/**
 * Pairs of equal blocks (index in a, index in b) of a longest common subsequence, by Myers'
 * algorithm (Jest's diff-sequences): 8–14× faster than the O(n·m) table it replaced on edited
 * documents, and no n·m memory (`node bench/editor-bench.mjs`).
 */
function commonBlocks(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  diffSequences(
    a.length,
    b.length,
    (i, j) => a[i] === b[j],
    (count, i, j) => {
      for (let k = 0; k < count; k++) pairs.push([i + k, j + k]);
    },
  );
  return pairs;
}

/**
 * Finds the sections of `expected` (as last generated) in `markdown` (the document as it is
 * now). A generated section counts as still generated only when all its blocks are there,
 * unchanged and together; anything the user wrote or edited becomes prose, so regenerating
 * can never overwrite it. Matching is by longest common subsequence of blocks, so repeated
 * blocks ("_None noted yet._") are told apart by their order.
 */
export function alignSections(expected: readonly DocumentSection[], markdown: string): DocumentSection[] {
  const owner: number[] = [];
  const expectedBlocks: string[] = [];
  expected.forEach((section, index) => {
    for (const block of splitBlocks(section.markdown)) {
      expectedBlocks.push(block);
      owner.push(index);
    }
  });
  const actual = splitBlocks(markdown);
  const matchOf = new Map(commonBlocks(expectedBlocks, actual));

  // Block index in `actual` → key of the intact generated section it belongs to.
  const generatedAt = new Map<number, string>();
  let first = 0;
  while (first < expectedBlocks.length) {
    const index = owner[first] ?? -1;
    let last = first;
    while (last + 1 < expectedBlocks.length && owner[last + 1] === index) last++;
    const section = expected[index];
    if (section?.kind === 'generated') {
      const targets: number[] = [];
      for (let k = first; k <= last; k++) {
        const target = matchOf.get(k);
        if (target !== undefined) targets.push(target);
      }
      const intact = targets.length === last - first + 1 && targets.every((t, k) => k === 0 || t === (targets[k - 1] ?? -2) + 1);
      if (intact) for (const target of targets) generatedAt.set(target, section.key);
    }
    first = last + 1;
  }

  const sections: DocumentSection[] = [];
  actual.forEach((block, index) => {
    const key = generatedAt.get(index);
    const previous = sections[sections.length - 1];
    const sameRun = previous && (key === undefined ? previous.kind === 'prose' : previous.kind === 'generated' && previous.key === key && generatedAt.get(index - 1) === key);
    if (previous && sameRun) previous.markdown += `\n\n${block}`;
    else sections.push(key === undefined ? { kind: 'prose', markdown: block } : { kind: 'generated', key, markdown: block });
  });
  return sections;
}

/** Keys of the generated sections in a list, in order. */
export function generatedKeys(sections: readonly DocumentSection[]): string[] {
  return sections.flatMap((s) => (s.kind === 'generated' ? [s.key] : []));
}
