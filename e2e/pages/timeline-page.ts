import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { FilePayload } from './import-page';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'timeline');

export function timelineFixture(name: string, mimeType: string): FilePayload {
  return { name, mimeType, buffer: readFileSync(join(FIXTURES, name)) };
}

/** The Timeline tab: list, filters, overview and the side panels, as a reviewer uses them. */
export class TimelinePage {
  constructor(readonly page: Page) {}

  get list(): Locator {
    return this.page.getByRole('list', { name: 'Timeline events' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the timeline' });
  }

  get hitCounter(): Locator {
    return this.page.locator('.tl-hit-counter');
  }

  get metrics(): Locator {
    return this.page.getByRole('region', { name: 'Metrics' });
  }

  get milestones(): Locator {
    return this.page.getByRole('region', { name: 'Milestones' });
  }

  get keyMoments(): Locator {
    return this.page.getByRole('region', { name: 'Key moments' });
  }

  get canReports(): Locator {
    return this.page.getByRole('region', { name: 'CAN reports' });
  }

  row(text: string | RegExp): Locator {
    return this.list.getByRole('listitem').filter({ hasText: text });
  }

  /** The row, scrolling the virtualised list down until it has been rendered. */
  async findRow(text: string | RegExp): Promise<Locator> {
    const row = this.row(text);
    await this.list.evaluate((el) => el.scrollTo(0, 0));
    for (let i = 0; i < 40 && (await row.count()) === 0; i++) await this.list.evaluate((el) => el.scrollBy(0, el.clientHeight / 2));
    await row.scrollIntoViewIfNeeded();
    return row;
  }

  /**
   * A button of an event row. Rows draw their buttons while pointed at, focused or selected, so
   * this points at the row first, as a user's mouse does.
   */
  async rowButton(row: Locator, name: string | RegExp): Promise<Locator> {
    await row.locator('.tl-time').hover();
    return row.getByRole('button', { name });
  }

  metric(label: string): Locator {
    return this.metrics.locator('.tl-metric').filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
  }

  /** Clicks an event row (not one of its buttons) to select it. */
  async select(text: string | RegExp): Promise<void> {
    await this.row(text).locator('.tl-meta').click();
    await expect(this.row(text)).toHaveAttribute('aria-current', 'true');
  }

  async chooseFilter(label: string, option: string | RegExp): Promise<void> {
    const menu = this.page.locator('details.tl-checklist').filter({ has: this.page.locator('summary', { hasText: label }) });
    await menu.locator('summary').click();
    await menu.getByRole('checkbox', { name: option }).check();
    await menu.locator('summary').click();
  }

  async saveMilestone(kind: string, time?: string): Promise<void> {
    await expect(this.dialog.getByRole('heading', { name: /milestone/ })).toBeVisible();
    await this.dialog.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
    if (time) await this.dialog.getByLabel(/^Time/).fill(time);
    await this.dialog.getByRole('button', { name: 'Save milestone' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
