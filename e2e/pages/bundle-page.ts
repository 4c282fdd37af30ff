import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';

/** The Export bundle dialog of an incident and the Import bundle dialog of the library. */
export class BundlePage {
  constructor(readonly page: Page) {}

  get exportDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Export bundle' });
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import bundle' });
  }

  /** From an open incident: exports it and returns the download saved under its suggested name. */
  async exportBundle(options: { includeRedactedText?: boolean } = {}): Promise<{ download: Download; path: string }> {
    await this.page.getByRole('button', { name: 'Export bundle…' }).click();
    await expect(this.exportDialog).toBeVisible();
    if (options.includeRedactedText) await this.exportDialog.getByRole('checkbox', { name: /Include redacted text/ }).check();
    const downloading = this.page.waitForEvent('download');
    await this.exportDialog.getByRole('button', { name: 'Export…' }).click();
    const download = await downloading;
    const path = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(path);
    await expect(this.exportDialog).toBeHidden();
    return { download, path };
  }

  /** From the library: Import bundle…, then the file chooser. */
  async pickBundle(file: string | { name: string; mimeType: string; buffer: Buffer }, opener: RegExp = /^Import (bundle|an incident bundle)…$/): Promise<void> {
    await this.page.getByRole('button', { name: opener }).click();
    await expect(this.importDialog).toBeVisible();
    const choosing = this.page.waitForEvent('filechooser');
    await this.importDialog.getByRole('button', { name: 'Choose bundle…' }).click();
    await (await choosing).setFiles(file);
  }

  /** Drags a bundle file onto the library and drops it. */
  async dropBundle(path: string, name: string): Promise<void> {
    const base64 = readFileSync(path).toString('base64');
    const dataTransfer = await this.page.evaluateHandle(
      ([data, fileName]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], fileName));
        return transfer;
      },
      [base64, name] as const,
    );
    await this.page.dispatchEvent('section.library', 'dragover', { dataTransfer });
    await expect(this.page.locator('section.library.bundle-drop-target')).toBeVisible();
    await this.page.dispatchEvent('section.library', 'drop', { dataTransfer });
    await expect(this.importDialog).toBeVisible();
  }

  conflict(label: string | RegExp): Locator {
    return this.importDialog.getByRole('group', { name: label });
  }
}
