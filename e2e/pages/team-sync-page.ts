import { expect, type Locator, type Page } from '@playwright/test';

export interface TeamSyncFields {
  server: string;
  team: string;
  token: string;
  name: string;
}

/** Team sync as a user sees it: the settings dialog, Share…/invite, Join incident… and the status chips. */
export class TeamSyncPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The app-wide chip in the top bar. */
  get appStatus(): Locator {
    return this.page.getByRole('banner').getByRole('status', { name: /^Team sync/ });
  }

  /** The chip of the open incident. */
  get incidentStatus(): Locator {
    return this.page.locator('.workspace-actions').getByRole('status', { name: /^This incident/ });
  }

  /** Fills Settings → Team sync; the first server needs a restart (its origin enters the CSP at boot). */
  async setUp(fields: TeamSyncFields): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: /Team sync/ }).click();
    const d = this.dialog;
    await expect(d.getByRole('heading', { name: 'Team sync' })).toBeVisible();
    await d.getByLabel('Server address').fill(fields.server);
    await d.getByLabel('Team').fill(fields.team);
    await d.getByLabel('Your name').fill(fields.name);
    await d.getByLabel('Access token').fill(fields.token);
    await d.getByRole('button', { name: 'Save and connect' }).click();
    await d.getByRole('button', { name: 'Restart now' }).click();
    await expect(this.appStatus).toBeVisible();
  }

  /** Share… on the open incident; returns the invite. */
  async share(team: string): Promise<string> {
    await this.page.locator('.workspace-actions').getByRole('button', { name: 'Share…' }).click();
    await this.dialog.getByRole('button', { name: `Share with ${team}` }).click();
    const invite = this.dialog.getByLabel('Invite');
    await expect(invite).toHaveValue(/^debrief-invite:/);
    const code = await invite.inputValue();
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.dialog).toBeHidden();
    return code;
  }

  async join(invite: string): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Join incident…' }).click();
    await this.dialog.getByLabel('Invite').fill(invite);
    await this.dialog.getByRole('button', { name: 'Join' }).click();
    await expect(this.dialog).toBeHidden({ timeout: 20_000 });
  }

  async leave(): Promise<void> {
    await this.incidentStatus.click();
    await this.dialog.getByRole('button', { name: /Leave|Stop sharing/ }).click();
    await expect(this.dialog).toBeHidden();
  }
}
