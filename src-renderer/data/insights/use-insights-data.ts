import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '@db/database';
import type { CatalogRow } from '@core/catalog/catalog-row';
import type { ActionItem } from '@core/model/action-item';
import { useCatalogRows } from './catalog-store';
import { deployNearDetection } from './deploy-scan';

export interface InsightsData {
  rows: CatalogRow[];
  actionItems: ActionItem[];
  /** Incidents with a deploy event within 30 minutes before detection. */
  deployNear: Set<string>;
  /** Incidents still to check for deploy events; 0 when done. */
  deployScanLeft: number;
}

const NONE = new Set<string>();

/** Everything the Insights page counts; undefined while the first read runs. */
export function useInsightsData(): InsightsData | undefined {
  const rows = useCatalogRows();
  const actionItems = useLiveQuery(() => db.actionItems.toArray(), []);
  const [scan, setScan] = useState<{ rows: CatalogRow[] | undefined; ids: Set<string>; left: number }>({ rows: undefined, ids: NONE, left: 0 });

  useEffect(() => {
    if (!rows) return;
    let cancelled = false;
    // The scan reads event blocks, so it runs after the page is on screen and reports as it goes.
    void deployNearDetection(
      db,
      rows,
      (done, total) => {
        if (!cancelled) setScan((s) => ({ ...s, left: total - done }));
      },
      () => cancelled,
    ).then((ids) => {
      if (!cancelled) setScan({ rows, ids, left: 0 });
    });
    return () => {
      cancelled = true;
    };
  }, [rows]);

  if (!rows || !actionItems) return undefined;
  return { rows, actionItems, deployNear: scan.ids, deployScanLeft: scan.rows === rows ? 0 : Math.max(scan.left, 1) };
}
