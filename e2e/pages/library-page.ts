import { expect, type Locator, type Page } from '@playwright/test';

export interface IncidentFields {
  title: string;
  severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
  status?: 'Active' | 'Resolved' | 'In review' | 'Closed';
  timeZone?: string;
  started?: string;
  detected?: string;
  resolved?: string;
  review?: string;
  services?: string;
  commander?: string;
  roles?: { role: string; name: string }[];
  summary?: string;
}

/** The incident library and the incident form, as a user sees them. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('link', { name: /Debrief/ })).toBeVisible();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  row(title: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: title });
  }

  async openNewIncident(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'New incident' }).click();
    await expect(this.dialog.getByRole('heading', { name: 'New incident' })).toBeVisible();
  }

  async fill(fields: Partial<IncidentFields>): Promise<void> {
    const d = this.dialog;
    if (fields.title !== undefined) await d.getByLabel('Title').fill(fields.title);
    if (fields.severity) await d.getByRole('radio', { name: new RegExp(fields.severity) }).check();
    if (fields.status) await d.getByLabel('Status').selectOption({ label: fields.status });
    if (fields.timeZone) await d.getByLabel('Time zone').fill(fields.timeZone);
    const times: [keyof IncidentFields, RegExp][] = [
      ['started', /^Started/],
      ['detected', /^Detected/],
      ['resolved', /^Resolved/],
      ['review', /^Review meeting/],
    ];
    for (const [key, label] of times) {
      const value = fields[key];
      if (typeof value === 'string') await d.getByLabel(label).fill(value);
    }
    if (fields.services !== undefined) await d.getByLabel('Affected services').fill(fields.services);
    if (fields.commander !== undefined) await d.getByLabel('Incident Commander').fill(fields.commander);
    for (const [index, role] of (fields.roles ?? []).entries()) {
      await d.getByRole('button', { name: '+ Add a role' }).click();
      await d.getByLabel(`Role ${index + 1}`, { exact: true }).selectOption({ label: role.role });
      await d.getByLabel(`Name for role ${index + 1}`).fill(role.name);
    }
    if (fields.summary !== undefined) await d.getByLabel('Summary').fill(fields.summary);
  }

  async createIncident(fields: IncidentFields): Promise<void> {
    await this.openNewIncident();
    await this.fill(fields);
    await this.dialog.getByRole('button', { name: 'Create incident' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { level: 1, name: fields.title })).toBeVisible();
  }

  async backToLibrary(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
  }
}
