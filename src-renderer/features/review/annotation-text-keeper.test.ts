import { $getRoot, $isTextNode } from 'lexical';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { DebriefDatabase } from '@data/connection';
import { createTestDatabases } from '@data/test-database';
import { bindHeadlessCopy } from '@editor/collab-binding';
import { exportMarkdownFromState, importMarkdownToState } from '@editor/markdown-io';
import { addAnnotation, buildAnnotation, getAnnotation, toggleAnnotationTag, updateAnnotation } from '@data/annotations';
import { keepAnnotationTexts } from './annotation-text-keeper';
import { annotationRoot } from './annotation-texts';

const openDatabase = createTestDatabases('annotation-texts');

/** Two machines' `annotations` documents, connected like the sync server connects them; `online` can be switched off. */
function linked(): { ana: Y.Doc; ben: Y.Doc; setOnline: (online: boolean) => void } {
  const ana = new Y.Doc();
  const ben = new Y.Doc();
  let online = true;
  const send = (from: Y.Doc, to: Y.Doc) => (_update: Uint8Array, origin: unknown) => {
    if (online && origin !== 'net') Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'net');
  };
  ana.on('update', send(ana, ben));
  ben.on('update', send(ben, ana));
  return {
    ana,
    ben,
    setOnline: (next) => {
      online = next;
      if (!next) return;
      // Reconnecting: each side sends what the other lacks.
      Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana, Y.encodeStateVector(ben)), 'net');
      Y.applyUpdate(ana, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(ana)), 'net');
    },
  };
}

const annotation = (body: string) => buildAnnotation({ incidentId: 'inc-1', target: { type: 'incident' }, author: 'Ana', body }, 'note-1', 1_000);

async function storedMarkdown(database: DebriefDatabase): Promise<string> {
  const stored = await getAnnotation('note-1', database);
  return stored && stored.body !== '' ? exportMarkdownFromState(stored.body) : '';
}

/** An editor bound to the annotation's text, as the Review tab's card is. */
function typeAtEnd(doc: Y.Doc, text: string): void {
  const copy = bindHeadlessCopy(doc, 'editor', undefined, annotationRoot('note-1'));
  copy.editor.update(
    () => {
      const last = $getRoot().getAllTextNodes().at(-1);
      if ($isTextNode(last)) last.setTextContent(last.getTextContent() + text);
    },
    { discrete: true },
  );
  copy.destroy();
}

async function machines(anaBody: string, benBody = '') {
  const docs = linked();
  const anaDb = await openDatabase();
  const benDb = await openDatabase();
  await addAnnotation(annotation(anaBody), anaDb);
  // The record reaches Ben without its text (the record mirror does not carry it).
  await addAnnotation(annotation(benBody), benDb);
  const errors: unknown[] = [];
  const keep = (doc: Y.Doc, database: DebriefDatabase, by: string, seedAfter = Promise.resolve()) =>
    keepAnnotationTexts({ doc, incidentId: 'inc-1', by, seedAfter, onError: (error) => errors.push(error), database, saveDelayMs: 0 });
  return { ...docs, anaDb, benDb, errors, keep };
}

describe('annotation texts kept from the shared document', () => {
  test('text stored on the machine that wrote it seeds the document once and reaches the teammate’s store', async () => {
    const { ana, ben, anaDb, benDb, errors, keep } = await machines(importMarkdownToState('Paging worked'));
    const anaKeeper = keep(ana, anaDb, 'Ana');
    const benKeeper = keep(ben, benDb, 'Ben');
    await expect.poll(() => storedMarkdown(benDb)).toBe('Paging worked');
    expect((await getAnnotation('note-1', benDb))?.plainText).toBe('Paging worked');
    expect(await storedMarkdown(anaDb)).toBe('Paging worked');
    anaKeeper.stop();
    benKeeper.stop();
    expect(errors).toEqual([]);
  });

  test('a teammate holding the same old text does not write it again: no duplicated paragraph', async () => {
    const old = importMarkdownToState('Paging worked');
    const { ana, ben, anaDb, benDb, errors, keep } = await machines(old, old);
    let serverState: () => void = () => undefined;
    const anaKeeper = keep(ana, anaDb, 'Ana');
    const benKeeper = keep(ben, benDb, 'Ben', new Promise((resolve) => (serverState = resolve)));
    await expect.poll(() => ben.get(annotationRoot('note-1'), Y.XmlText).length).toBeGreaterThan(0);
    serverState();
    typeAtEnd(ana, ', the runbook did not');
    await expect.poll(() => storedMarkdown(benDb)).toBe('Paging worked, the runbook did not');
    expect(await storedMarkdown(anaDb)).toBe('Paging worked, the runbook did not');
    anaKeeper.stop();
    benKeeper.stop();
    expect(errors).toEqual([]);
  });

  test('typing on both machines while apart converges in both stores with every character', async () => {
    const { ana, ben, anaDb, benDb, errors, keep, setOnline } = await machines(importMarkdownToState('Paging worked'));
    const anaKeeper = keep(ana, anaDb, 'Ana');
    const benKeeper = keep(ben, benDb, 'Ben');
    await expect.poll(() => storedMarkdown(benDb)).toBe('Paging worked');
    setOnline(false);
    typeAtEnd(ana, ' fast');
    typeAtEnd(ben, ' for EU');
    await expect.poll(() => storedMarkdown(anaDb)).toBe('Paging worked fast');
    await expect.poll(() => storedMarkdown(benDb)).toBe('Paging worked for EU');
    setOnline(true);
    await expect.poll(() => storedMarkdown(anaDb)).toMatch(/^Paging worked( fast for EU| for EU fast)$/);
    expect(await storedMarkdown(benDb)).toBe(await storedMarkdown(anaDb));
    anaKeeper.stop();
    benKeeper.stop();
    expect(errors).toEqual([]);
  });

  test('a long burst of typing between two saves is never taken back by the text stored before it', async () => {
    const { ana, anaDb, errors } = await machines(importMarkdownToState('Paging'));
    const keeper = keepAnnotationTexts({ doc: ana, incidentId: 'inc-1', by: 'Ana', seedAfter: Promise.resolve(), onError: (error) => errors.push(error), database: anaDb, saveDelayMs: 60_000 });
    await expect.poll(() => ana.get(annotationRoot('note-1'), Y.XmlText).length).toBeGreaterThan(0);
    await keeper.flush();
    expect(await storedMarkdown(anaDb)).toBe('Paging');
    const burst = ' worked for every region we have';
    for (const char of burst) typeAtEnd(ana, char);
    // Any write to the incident's annotations (here a tag) shows the keeper the stored text again.
    await toggleAnnotationTag('note-1', 'went well', anaDb);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await keeper.flush();
    expect(await storedMarkdown(anaDb)).toBe(`Paging${burst}`);
    keeper.stop();
    expect(errors).toEqual([]);
  });

  test('text stored by an editor not bound to the document (the meeting’s note composer) goes into it', async () => {
    const { ana, ben, anaDb, benDb, errors, keep } = await machines(importMarkdownToState('Who can approve a failover?'));
    const anaKeeper = keep(ana, anaDb, 'Ana');
    const benKeeper = keep(ben, benDb, 'Ben');
    await expect.poll(() => storedMarkdown(benDb)).toBe('Who can approve a failover?');
    await updateAnnotation('note-1', { body: importMarkdownToState('Who can approve a failover at night?'), plainText: 'Who can approve a failover at night?' }, benDb);
    await expect.poll(() => storedMarkdown(anaDb)).toBe('Who can approve a failover at night?');
    // And it stays: the document now holds it, so nothing writes the older text back.
    await anaKeeper.flush();
    await benKeeper.flush();
    expect(await storedMarkdown(benDb)).toBe('Who can approve a failover at night?');
    anaKeeper.stop();
    benKeeper.stop();
    expect(errors).toEqual([]);
  });
});
