import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export interface CatalogFields {
  domains?: string[];
  ownDomain?: string;
  trigger?: string;
  detection?: string;
  resolution?: string;
  factors?: string[];
  wentWell?: string;
  impactMinutes?: string;
}

/** The catalog section of the Review tab and the library's catalog filters and table. */
export class CatalogPage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Catalog' });
  }

  /** Your team's words…: replaces the named lists (one word per line) and saves. */
  async setTeamWords(lists: Partial<Record<'Failure domains' | 'Triggers' | 'Detection methods' | 'Resolutions', string[]>>): Promise<Locator> {
    await this.section.getByRole('button', { name: 'Your team’s words…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Your team’s catalog words' });
    for (const [label, words] of Object.entries(lists)) await dialog.getByLabel(label).fill(words.join('\n'));
    await dialog.getByRole('button', { name: 'Save words' }).click();
    return dialog;
  }

  async fill(fields: CatalogFields): Promise<void> {
    const s = this.section;
    const domains = s.getByRole('group', { name: 'Failure domains' });
    for (const d of fields.domains ?? []) await domains.getByRole('button', { name: d, exact: true }).click();
    if (fields.ownDomain) {
      await s.getByLabel('Add to failure domains').fill(fields.ownDomain);
      await s.getByLabel('Add to failure domains').press('Enter');
    }
    if (fields.trigger !== undefined) await s.getByLabel('Trigger').fill(fields.trigger);
    if (fields.detection !== undefined) await s.getByLabel('Detection method').fill(fields.detection);
    if (fields.resolution !== undefined) await s.getByLabel('Resolution').fill(fields.resolution);
    for (const f of fields.factors ?? []) {
      await s.getByLabel('Add to contributing factors').fill(f);
      await s.getByLabel('Add to contributing factors').press('Enter');
    }
    if (fields.wentWell !== undefined) await s.getByLabel('Went well').fill(fields.wentWell);
    if (fields.impactMinutes !== undefined) await s.getByLabel('Customer-impact minutes').fill(fields.impactMinutes);
  }

  async save(): Promise<void> {
    await this.section.getByRole('button', { name: 'Save catalog' }).click();
    await expect(this.section.getByRole('status').filter({ hasText: 'Catalog saved.' })).toBeVisible();
  }

  async filter(facet: string, value: string | RegExp): Promise<void> {
    const group = this.page.getByRole('group', { name: 'Catalog filters' });
    if (!(await group.isVisible())) await this.page.getByRole('button', { name: /^Catalog filters/ }).click();
    const select = group.getByRole('combobox', { name: facet, exact: true });
    const label = typeof value === 'string' ? value : ((await select.locator('option').allTextContents()).find((t) => value.test(t)) ?? '');
    await select.selectOption({ label });
  }

  async groupBy(facet: string): Promise<void> {
    await this.page.getByLabel('Group by').selectOption({ label: facet });
  }

  get table(): Locator {
    return this.page.getByRole('region', { name: 'Incident catalog' }).getByRole('table');
  }

  async export(kind: 'CSV' | 'Markdown'): Promise<{ download: Download; text: string }> {
    const downloadPromise = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Export ${kind}` }).click();
    const download = await downloadPromise;
    const path = await download.path();
    return { download, text: await readFile(path, 'utf8') };
  }
}
