import { newTimelineEvent } from '../../src-renderer/core/model/new-event';
import { expect, type Locator, type Page } from '@playwright/test';
import { putCaretIn, type CaretSpot } from './caret';

export interface SeedEvent {
  id: string;
  at: string;
  actorName: string;
  text: string;
  pinned?: boolean;
  redactions?: { start: number; end: number }[];
}

export interface SeedMilestone {
  id: string;
  kind: string;
  at: string;
  eventId?: string;
}

/** The Review tab and the review meeting view, as a facilitator sees them. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  incidentId(): string {
    const match = /#\/incidents\/([^/]+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`Not on an incident page: ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }

  /**
   * Writes events and milestones straight into IndexedDB, as typed-in (manual) events (a record
   * each, with their pin and redactions beside them), which are always visible. This keeps the review tests independent of the Timeline's own editing
   * screens; the page is reloaded afterwards so the app reads them like any stored data.
   */
  async seedTimeline(events: SeedEvent[], milestones: SeedMilestone[]): Promise<void> {
    const incidentId = this.incidentId();
    const stored = events.map((e) =>
      newTimelineEvent({
        id: e.id,
        incidentId,
        sourceId: `manual:${incidentId}`,
        sourceFormat: 'manual',
        dedupeKey: `manual:${e.id}`,
        kind: 'note',
        at: Date.parse(e.at),
        originalTime: e.at,
        actorName: e.actorName,
        text: e.text,
        pinned: e.pinned ?? false,
        redactions: e.redactions ?? [],
        raw: { manual: true },
      }),
    );
    await this.page.evaluate(
      async ({ incidentId, events, milestones }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('debrief');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const tx = db.transaction(['manualEvents', 'eventState', 'milestones'], 'readwrite');
        const now = Date.now();
        for (const { pinned, redacted, redactions, ...content } of events) {
          tx.objectStore('manualEvents').put(content);
          if (pinned || redacted || redactions.length) tx.objectStore('eventState').put({ id: content.id, incidentId, pinned, redacted, redactions });
        }
        for (const m of milestones) {
          tx.objectStore('milestones').put({ id: m.id, incidentId, kind: m.kind, label: m.kind, at: Date.parse(m.at), eventId: m.eventId ?? null, note: '', createdAt: now, updatedAt: now });
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { incidentId, events: stored, milestones },
    );
    await this.page.reload();
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Review' }).click();
    await expect(this.page.getByRole('heading', { name: 'Review meeting' })).toBeVisible();
  }

  async setName(name: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(name);
  }

  /** Starts an annotation; its editor has the caret afterwards. */
  async addAnnotation(target: 'The whole incident' | 'A time range' | 'A key moment', moment?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New annotation' });
    await form.getByRole('radio', { name: target }).check();
    if (moment) await form.getByRole('combobox', { name: /^Key moment/ }).selectOption({ label: moment });
    await form.getByRole('button', { name: 'Add annotation' }).click();
    await expect(this.page.locator(':focus')).toHaveAttribute('contenteditable', 'true');
  }

  get cards(): Locator {
    return this.page.getByRole('article');
  }

  card(text: string | RegExp): Locator {
    return this.cards.filter({ hasText: text });
  }

  editorOf(card: Locator): Locator {
    return card.getByRole('textbox', { name: 'Annotation text' });
  }

  /** Puts the caret at the start or end of the card's text, or after its first `where` characters. */
  async putCaret(card: Locator, where: CaretSpot = 'end'): Promise<void> {
    await putCaretIn(this.editorOf(card), where);
  }

  /** The plain text of every annotation as stored on this machine (what search and export read), by id. */
  async storedTexts(): Promise<Record<string, string>> {
    return this.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('debrief');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const all = await new Promise<Array<{ id: string; plainText: string }>>((resolve, reject) => {
        const request = db.transaction('annotations').objectStore('annotations').getAll();
        request.onsuccess = () => resolve(request.result as Array<{ id: string; plainText: string }>);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return Object.fromEntries(all.map((a) => [a.id, a.plainText]));
    });
  }

  tag(card: Locator, name: string): Locator {
    return card.getByRole('group', { name: 'Tags' }).getByRole('button', { name });
  }

  get meeting(): Locator {
    return this.page.getByRole('dialog', { name: 'Meeting view' });
  }
}
