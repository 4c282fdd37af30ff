import { expect, type Locator, type Page } from '@playwright/test';

export interface NewItem {
  title: string;
  priority?: 'P1' | 'P2' | 'P3' | 'P4';
  owner?: string;
  trackerUrl?: string;
}

/** An incident's Action items tab and the Action items overview, as a user sees them. */
export class ActionItemsPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async openTab(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Action items' }).click();
    await expect(this.page.getByRole('tab', { name: 'Action items' })).toHaveAttribute('aria-selected', 'true');
  }

  async openOverview(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Action items' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Action items' })).toBeVisible();
  }

  async create(item: NewItem): Promise<void> {
    await this.page.getByRole('button', { name: 'New action item' }).first().click();
    const d = this.dialog;
    await expect(d.getByRole('heading', { name: 'New action item' })).toBeVisible();
    await d.getByLabel('Title').fill(item.title);
    if (item.priority) await d.getByLabel('Priority').selectOption(item.priority);
    if (item.owner) await d.getByLabel('Owner').fill(item.owner);
    if (item.trackerUrl) await d.getByLabel('Tracker link').fill(item.trackerUrl);
    await d.getByRole('button', { name: 'Create action item' }).click();
    await expect(d).toBeHidden();
    await expect(this.row(item.title)).toBeVisible();
  }

  row(title: string): Locator {
    return this.page.locator('tr.ai-row').filter({ hasText: title });
  }

  due(title: string): Locator {
    return this.page.getByLabel(`Due date of ${title}`);
  }

  badge(title: string): Locator {
    return this.row(title).locator('.ai-sla');
  }

  status(title: string): Locator {
    return this.row(title).locator('.ai-status');
  }

  /** Focuses the row (the list's one tab stop) and types keys there. */
  async pressOnRow(title: string, ...keys: string[]): Promise<void> {
    await this.row(title).focus();
    for (const key of keys) await this.page.keyboard.press(key);
  }
}
