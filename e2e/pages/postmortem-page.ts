import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { putCaretIn } from './caret';

/** The Postmortem tab of an incident, as a user sees it. */
export class PostmortemPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: /Postmortem/ }).click();
  }

  get editor(): Locator {
    return this.page.getByRole('textbox', { name: 'Postmortem document' });
  }

  get lastParagraph(): Locator {
    return this.editor.locator('p').last();
  }

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Postmortem actions' });
  }

  get dialog(): Locator {
    return this.page.locator('dialog[open]');
  }

  get findings(): Locator {
    return this.toolbar.getByText(/^Blameless check:/);
  }

  get suggestion(): Locator {
    return this.page.getByRole('dialog', { name: 'Blameless language suggestion' });
  }

  async createDraft(templateName: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'No postmortem yet' })).toBeVisible();
    await this.page.getByRole('radio', { name: new RegExp(templateName) }).check();
    await this.page.getByRole('button', { name: 'Create draft' }).click();
    await expect(this.editor).toBeVisible();
  }

  async newDraft(templateName: string): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'New draft…' }).click();
    await this.dialog.getByRole('radio', { name: new RegExp(templateName) }).check();
    await this.dialog.getByRole('button', { name: 'Create new draft' }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  /** Creates a draft from a template and waits until it is stored. */
  async startDraft(templateName = 'Executive summary'): Promise<void> {
    await this.open();
    await this.createDraft(templateName);
    await this.waitSaved();
  }

  /** Puts the caret at the end of the paragraph containing `text` and types. */
  async typeAfter(text: string, typed: string): Promise<void> {
    await this.putCaret(this.editor.locator('p').filter({ hasText: text }));
    await this.page.keyboard.type(typed);
  }

  /** Puts the caret at the start or end of `paragraph`. */
  async putCaret(paragraph: Locator, where: 'start' | 'end' = 'end'): Promise<void> {
    await putCaretIn(paragraph, where);
  }

  async waitSaved(): Promise<void> {
    await expect(this.toolbar.getByText('All changes saved')).toBeVisible();
  }

  async regenerate(): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'Regenerate' }).click();
    await expect(this.page.locator('.toast').filter({ hasText: 'Your writing was kept.' })).toBeVisible();
  }

  async saveVersion(name: string): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'Save version…' }).click();
    await this.dialog.getByLabel('Version name').fill(name);
    await this.dialog.getByRole('button', { name: 'Save version' }).click();
    await expect(this.page.locator('.toast').filter({ hasText: `Saved version “${name}”` })).toBeVisible();
  }

  async exportMarkdown(): Promise<{ download: Download; text: string }> {
    return this.exportAs('Markdown (.md)');
  }

  async importMarkdown(name: string, text: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.toolbar.getByRole('button', { name: 'Import Markdown…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
    await this.dialog.getByRole('button', { name: 'Replace document' }).click();
    await expect(this.page.locator('.toast').filter({ hasText: `Imported ${name}` })).toBeVisible();
  }

  async exportAs(format: 'Markdown (.md)' | 'HTML page (.html)'): Promise<{ download: Download; text: string }> {
    await this.toolbar.getByRole('button', { name: 'Export…' }).click();
    const downloadPromise = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: format }).click();
    const download = await downloadPromise;
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { download, text: await readFile(path, 'utf8') };
  }

  /** The comments beside a shared postmortem. */
  get comments(): Locator {
    return this.page.getByRole('complementary', { name: 'Comments' });
  }

  thread(quote: string): Locator {
    return this.comments.getByRole('article', { name: `Comment thread on “${quote}”` });
  }

  /** Selects `text` in the document, as a person dragging over it would. */
  async selectText(text: string): Promise<void> {
    await this.editor.click();
    await this.editor.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in one text run of the document`);
    }, text);
  }

  /** Starts a comment thread on `text` (selected in the document) with `comment`. */
  async commentOn(text: string, comment: string): Promise<void> {
    await this.selectText(text);
    await this.toolbar.getByRole('button', { name: 'Comment', exact: true }).click();
    const box = this.comments.getByRole('combobox', { name: 'New comment' });
    await box.fill(comment);
    await this.comments.getByRole('group', { name: 'New comment' }).getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(this.thread(text)).toBeVisible();
  }
}
