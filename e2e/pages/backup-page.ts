import { expect, test, type Download, type Locator, type Page } from '@playwright/test';

/** The "Back up or restore" dialog of the library. */
export class BackupPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Back up or restore' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back up or restore…' }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Backs up and returns the download with the path it was saved to. */
  async backUp(): Promise<{ download: Download; path: string }> {
    const downloading = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: 'Back up…' }).click();
    const download = await downloading;
    // Keep the suggested name: the restore step shows it, as it would for a user's saved file.
    const path = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(path);
    await expect(this.dialog).toBeHidden();
    return { download, path };
  }

  /** Picks a file for restoring; `file` is a path on disk or an in-memory file. */
  async pickRestoreFile(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const choosing = this.page.waitForEvent('filechooser');
    await this.dialog.getByRole('button', { name: 'Restore from backup…' }).click();
    await (await choosing).setFiles(file);
  }
}
