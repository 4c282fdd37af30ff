import { expect, type Locator, type Page } from '@playwright/test';

/** A popover is wholly inside the window and right next to (below or above) what it belongs to. */
export async function expectPopoverBeside(page: Page, popover: Locator, anchor: Locator): Promise<void> {
  await expect(async () => {
    const box = await popover.boundingBox();
    const at = await anchor.boundingBox();
    const viewport = page.viewportSize();
    if (!box || !at || !viewport) throw new Error('popover, anchor or viewport has no box');
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    const below = box.y >= at.y + at.height && box.y - (at.y + at.height) <= 12;
    const above = box.y + box.height <= at.y && at.y - (box.y + box.height) <= 12;
    expect(below || above).toBe(true);
  }).toPass();
}
