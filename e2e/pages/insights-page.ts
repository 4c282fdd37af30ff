import { expect, type Locator, type Page } from '@playwright/test';

export interface SeedIncident {
  id: string;
  title: string;
  severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
  started: string;
  services: string[];
  trigger?: string;
  factors?: string[];
  /** Minutes from start to the Detect and Mitigate milestones. */
  detectAfter?: number;
  mitigateAfter?: number;
}

export interface SeedActionItem {
  id: string;
  incidentId: string;
  title: string;
  ownerName: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  status: 'open' | 'done';
  due: string;
  completed?: string;
}

/** The Insights page, with a way to write a library straight into IndexedDB. */
export class InsightsPage {
  constructor(readonly page: Page) {}

  /** Writes incidents (with catalog and milestones) and action items; the app must have opened the database once. */
  async seed(incidents: SeedIncident[], items: SeedActionItem[]): Promise<void> {
    await this.page.evaluate(
      async ({ incidents, items }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('debrief');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const tx = db.transaction(['incidents', 'milestones', 'actionItems'], 'readwrite');
        const MIN = 60_000;
        for (const i of incidents) {
          const start = Date.parse(i.started);
          tx.objectStore('incidents').put({
            id: i.id,
            title: i.title,
            severity: i.severity,
            status: 'closed',
            startedAt: start,
            detectedAt: null,
            resolvedAt: start + 240 * MIN,
            reviewAt: null,
            timeZone: 'UTC',
            services: i.services,
            commander: '',
            roles: [],
            summary: '',
            catalog: { failureDomains: [], trigger: i.trigger ?? '', contributingFactors: i.factors ?? [], detectionMethod: '', resolution: '', lessons: { wentWell: [], wentPoorly: [], lucky: [] }, customerImpactMinutes: null },
            createdAt: start,
            updatedAt: start,
            deletedAt: null,
          });
          const milestones: [string, number | undefined][] = [
            ['Detect', i.detectAfter],
            ['Mitigate', i.mitigateAfter],
          ];
          for (const [kind, after] of milestones) {
            if (after === undefined) continue;
            tx.objectStore('milestones').put({ id: `${i.id}-${kind}`, incidentId: i.id, kind, label: kind, at: start + after * MIN, eventId: null, note: '', createdAt: start, updatedAt: start });
          }
        }
        for (const a of items) {
          const created = Date.parse(a.due) - 30 * 86_400_000;
          tx.objectStore('actionItems').put({
            id: a.id,
            incidentId: a.incidentId,
            title: a.title,
            description: '',
            ownerId: null,
            ownerName: a.ownerName,
            priority: a.priority,
            status: a.status,
            wontDoReason: '',
            kind: 'prevent',
            createdAt: created,
            dueAt: Date.parse(a.due),
            dueSetByHand: true,
            completedAt: a.completed ? Date.parse(a.completed) : null,
            trackerUrl: '',
            eventIds: [],
            annotationIds: [],
            updatedAt: a.completed ? Date.parse(a.completed) : created,
          });
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { incidents, items },
    );
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  }

  chart(title: string | RegExp): Locator {
    return this.page.getByRole('figure', { name: title });
  }

  get behind(): Locator {
    return this.page.locator('#ins-behind');
  }
}
