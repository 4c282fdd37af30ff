import type { DocumentSection } from '@core/postmortem/render-template';

/**
 * Top-level Markdown blocks: runs of lines separated by blank lines, a fenced code block
 * (blank lines and all) staying one block. The editor writes exactly one blank line between
 * blocks, so `blocks.join('\n\n')` gives the text back.
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

/** Pairs of equal blocks (index in a, index in b) of a longest common subsequence. */
function commonBlocks(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
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
