import { useEffect } from 'react';
import { platform } from '@platform/index';
import { formatDay } from './format-due';
import { toRows } from './item-filters';
import { CHECK_EVERY_MS, planNotifications } from './notification-plan';
import { readNotifyLog, readSnoozes, writeNotifyLog } from './notify-store';
import { readLiveActionItems, readSlaPolicy } from '@data/action-items';
import { viewerTimeZone } from '@core/time/zones';

let running: Promise<void> | null = null;

/**
 * Checks every item once and sends the desktop notifications due now. Only one check runs at a
 * time, so several mounted notifiers never send the same notice twice.
 */
export function checkActionItemNotifications(now = Date.now()): Promise<void> {
  running ??= (async () => {
    try {
      const { items, incidents } = await readLiveActionItems();
      const { policy } = await readSlaPolicy();
      const zone = viewerTimeZone();
      const rows = toRows(items, incidents, policy, now);
      const plan = planNotifications(rows, await readNotifyLog(), await readSnoozes(), now, (at) => formatDay(at, zone));
      // Recorded before sending: a notice lost to a crash is better than one repeated forever.
      await writeNotifyLog(plan.log);
      for (const notice of plan.notices) await platform.notify(notice.title, notice.body);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Mount once in the app shell: checks at start, then every hour. Renders nothing. */
export function ActionItemNotifier() {
  useEffect(() => {
    void checkActionItemNotifications();
    const timer = setInterval(() => void checkActionItemNotifications(), CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return null;
}
