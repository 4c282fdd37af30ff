/** Month keys ("2025-03") in UTC, so a report for a period is the same on every computer. */
export function monthKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Every month from the one holding `from` to the one holding `to`, inclusive. */
export function monthsBetween(from: number, to: number): string[] {
  const out: string[] = [];
  const start = new Date(from);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  const end = monthKey(to);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m + 1).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2025" for a month key. */
export function monthLabel(key: string): string {
  const [y, m] = key.split('-');
  return `${NAMES[Number(m) - 1] ?? m} ${y}`;
}
