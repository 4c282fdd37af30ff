import fc from 'fast-check';
import { $createTextNode, $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { bindHeadlessCopy, isSharedDocumentEmpty, markSeeded } from './collab-binding';
import { exportMarkdownFromState, importMarkdownToState } from './markdown-io';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Two machines' documents, connected like the sync server connects them (updates both ways). */
function linked(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(b, update, 'net'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'net' && Y.applyUpdate(a, update, 'net'));
  return [a, b];
}

describe('headless co-editing copy', () => {
  test('loads a document that already holds content, and follows later changes', async () => {
    const shared = new Y.Doc();
    const writer = bindHeadlessCopy(shared, 'doc');
    writer.replace(importMarkdownToState('# Summary\n\nPayments timed out.'));
    markSeeded(shared, 'device-a');
    expect(isSharedDocumentEmpty(shared)).toBe(false);

    // A second copy opened after the content was written (a local copy loaded from disk).
    const reader = bindHeadlessCopy(shared, 'doc');
    expect(exportMarkdownFromState(reader.state())).toBe('# Summary\n\nPayments timed out.');

    const seen: string[] = [];
    const follower = bindHeadlessCopy(shared, 'doc', (state) => seen.push(state));
    writer.editor.update(
      () => {
        const last = $getRoot().getLastChild();
        if ($isElementNode(last)) last.append($createTextNode(' Retries made it worse.'));
      },
      { discrete: true },
    );
    await settle();
    expect(exportMarkdownFromState(reader.state())).toBe('# Summary\n\nPayments timed out. Retries made it worse.');
    expect(seen.length).toBeGreaterThan(0);
    expect(exportMarkdownFromState(seen.at(-1) ?? '')).toBe('# Summary\n\nPayments timed out. Retries made it worse.');
    for (const copy of [writer, reader, follower]) copy.destroy();
  });

  test('two machines typing into the same paragraph converge, and export the same Markdown bytes', async () => {
    const [docA, docB] = linked();
    const ana = bindHeadlessCopy(docA, 'doc');
    ana.replace(importMarkdownToState('Root cause'));
    await settle();
    const ben = bindHeadlessCopy(docB, 'doc');
    expect(exportMarkdownFromState(ben.state())).toBe('Root cause');
    const type = (copy: typeof ana, at: number, text: string) =>
      copy.editor.update(
        () => {
          const paragraph = $getRoot().getFirstChild();
          const node = $isElementNode(paragraph) ? paragraph.getFirstChild() : null;
          if (node && 'spliceText' in node && typeof node.spliceText === 'function') node.spliceText(at, 0, text);
        },
        { discrete: true },
      );
    type(ana, 0, 'The ');
    type(ben, 10, ': a retry storm');
    await settle();
    const a = exportMarkdownFromState(ana.state());
    const b = exportMarkdownFromState(ben.state());
    expect(a).toBe(b);
    expect(a).toContain('The ');
    expect(a).toContain(': a retry storm');
    ana.destroy();
    ben.destroy();
  });
});

describe('co-editing convergence (generated edit sequences)', () => {
  const edit = fc.oneof(
    fc.record({ who: fc.integer({ min: 0, max: 2 }), at: fc.nat(60), text: fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('a', 'b', 'c', ' ', 'x', 'é') }) }),
    fc.record({ who: fc.integer({ min: 0, max: 2 }), at: fc.nat(60), remove: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ who: fc.integer({ min: 0, max: 2 }), offline: fc.boolean() }),
  );

  test('three writers in one paragraph, with offline periods, end with the same text and no typed character lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 40 }), async (withDeletes, generated) => {
        // Half the runs only insert, so every typed character can be counted at the end.
        const edits = withDeletes ? generated : generated.filter((step) => !('remove' in step));
        // A hub stands in for the server: it relays every update to the writers that are online.
        const hub = new Y.Doc();
        const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
        const online = [true, true, true];
        const sync = (i: number) => {
          const doc = docs[i] as Y.Doc;
          Y.applyUpdate(hub, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(hub)), 'net');
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(hub, Y.encodeStateVector(doc)), 'net');
        };
        docs.forEach((doc, i) => doc.on('update', (_u: Uint8Array, origin: unknown) => origin !== 'net' && online[i] && sync(i)));
        hub.on('update', (_u: Uint8Array, origin: unknown) => origin === 'net' && docs.forEach((_d, i) => online[i] && sync(i)));
        const copies = docs.map((doc) => bindHeadlessCopy(doc, 'doc'));
        copies[0]?.replace(importMarkdownToState('start'));
        const inserted: string[] = [];
        for (const step of edits) {
          const copy = copies[step.who] as ReturnType<typeof bindHeadlessCopy>;
          if ('offline' in step) {
            online[step.who] = !step.offline;
            if (!step.offline) sync(step.who);
            continue;
          }
          copy.editor.update(
            () => {
              const paragraph = $getRoot().getFirstChild();
              const node = $isElementNode(paragraph) ? paragraph.getFirstChild() : null;
              if (!$isTextNode(node)) return;
              const at = Math.min(step.at, node.getTextContentSize());
              if ('text' in step) {
                node.spliceText(at, 0, step.text);
                inserted.push(step.text);
              } else node.spliceText(at, Math.min(step.remove, node.getTextContentSize() - at), '');
            },
            { discrete: true },
          );
        }
        online.fill(true);
        docs.forEach((_d, i) => sync(i));
        const texts = copies.map((copy) => exportMarkdownFromState(copy.state()));
        expect(new Set(texts).size).toBe(1);
        // No typed character is lost: with no deletions, the text holds exactly what everyone typed.
        if (!edits.some((step) => 'remove' in step)) {
          const plain = copies[1]?.editor.read(() => $getRoot().getTextContent()) ?? '';
          expect([...plain].sort().join('')).toBe([...('start' + inserted.join(''))].sort().join(''));
        }
        for (const copy of copies) copy.destroy();
      }),
      { numRuns: 40 },
    );
  });
});

describe('whole-document replacement as an edit the binding merges', () => {
  test('a teammate typing in prose keeps their text while the other machine replaces a generated table', async () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const exchange = () => {
      Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)));
      Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)));
    };
    const ana = bindHeadlessCopy(docA, 'doc');
    const before = '# Timeline\n\n| Time | Event |\n| --- | --- |\n| 10:00 | Alert |\n\n# What happened\n\nPayments timed out.';
    ana.replace(importMarkdownToState(before));
    exchange();
    const ben = bindHeadlessCopy(docB, 'doc');
    // At the same moment (neither has the other's edit yet): Ben types at the end of the prose,
    // Ana regenerates the table.
    ben.editor.update(
      () => {
        const last = $getRoot().getLastChild();
        if ($isElementNode(last)) last.append($createTextNode(' Retries made it worse.'));
      },
      { discrete: true },
    );
    ana.replace(importMarkdownToState(before.replace('| 10:00 | Alert |', '| 10:00 | Alert |\n| 10:05 | Rollback |')));
    exchange();
    await settle();
    const expected = '# Timeline\n\n| Time | Event |\n| --- | --- |\n| 10:00 | Alert |\n| 10:05 | Rollback |\n\n# What happened\n\nPayments timed out. Retries made it worse.';
    expect(exportMarkdownFromState(ana.state())).toBe(expected);
    expect(exportMarkdownFromState(ben.state())).toBe(expected);
    ana.destroy();
    ben.destroy();
  });
});
