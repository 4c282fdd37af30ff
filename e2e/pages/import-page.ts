import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { zipSync } from 'fflate';

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

export function fixtureFile(name: string, mimeType = 'application/octet-stream'): FilePayload {
  return { name, mimeType, buffer: readFileSync(join(FIXTURES, name)) };
}

export function fixtureFolderPath(folder: string): string {
  return join(FIXTURES, folder);
}

/** Zips a fixture folder the way Slack delivers an export: the folder's content at the archive root. */
export function zipFixtureFolder(folder: string, name: string, keep: (path: string) => boolean = () => true): FilePayload {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${entry}/`);
      else if (keep(`${prefix}${entry}`)) files[`${prefix}${entry}`] = new Uint8Array(readFileSync(path));
    }
  };
  walk(join(FIXTURES, folder), '');
  return { name, mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) };
}

/** The import wizard, the Sources dialog and the drop zone of an incident. */
export class ImportPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  item(name: string): Locator {
    return this.dialog.getByRole('region', { name, exact: true });
  }

  result(name: string): Locator {
    return this.dialog.getByRole('region', { name: `Result for ${name}` });
  }

  /** Import… button, then the browser's file chooser. */
  /** Picks files given as payloads, or as paths on disk (Playwright cannot pass a payload over 50 MB). */
  async chooseFiles(files: FilePayload[] | string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(files);
    await expect(this.dialog.getByRole('heading', { name: 'Import into this incident' })).toBeVisible();
  }

  /** Drags files onto the workspace and drops them. */
  async dropFiles(files: FilePayload[]): Promise<void> {
    const payload = files.map((file) => ({ name: file.name, type: file.mimeType, base64: file.buffer.toString('base64') }));
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.type }));
      }
      return transfer;
    }, payload);
    await this.page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await expect(this.page.getByText(/Drop to import into/)).toBeVisible();
    await this.page.dispatchEvent('main', 'drop', { dataTransfer });
    await expect(this.dialog.getByRole('heading', { name: 'Import into this incident' })).toBeVisible();
  }

  async runImport(timeout = 30_000): Promise<void> {
    await this.dialog.getByRole('button', { name: /^Import( \d+ files)?$/ }).click();
    await expect(this.dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect(this.dialog).toBeHidden();
  }

  async openSources(): Promise<Locator> {
    await this.page.getByRole('button', { name: /^Sources/ }).click();
    const list = this.dialog.getByRole('list', { name: 'Imported sources' });
    await expect(this.dialog.getByRole('heading', { name: 'Sources' })).toBeVisible();
    return list;
  }

  sourceRow(name: string): Locator {
    return this.dialog.getByRole('listitem').filter({ has: this.page.locator('.source-name', { hasText: name }) });
  }
}

/**
 * A CSV timeline of `rows` events, one second apart from 2024-06-13 07:00 UTC, each saying
 * "Backlog item <n> drained": big enough that an import writes several blocks.
 */
export function csvTimeline(name: string, rows: number, { detail = '' }: { detail?: string } = {}): FilePayload {
  const start = Date.UTC(2024, 5, 13, 7, 0, 0);
  const lines = ['timestamp,actor,source,event_type,message,url'];
  const tail = detail ? ` ${detail}` : '';
  for (let i = 0; i < rows; i++) lines.push(`${new Date(start + i * 1000).toISOString()},queue-bot,queues,message,Backlog item ${i} drained${tail},`);
  return { name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') };
}
