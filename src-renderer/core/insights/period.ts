/** The periods the Insights page offers; all in UTC so figures match across computers. */
export type PeriodChoice = '12m' | '5y' | 'all' | 'quarter';

export interface PeriodRange {
  from: number;
  to: number;
  label: string;
}

/** "2025-Q1" → that quarter in UTC. */
export function quarterRange(quarter: string): PeriodRange | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return null;
  const year = Number(match[1]);
  const q = Number(match[2]);
  return { from: Date.UTC(year, (q - 1) * 3, 1), to: Date.UTC(year, q * 3, 1) - 1, label: `Q${q} ${year}` };
}

export function quarterOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

export function periodRange(choice: PeriodChoice, now: number, quarter: string, earliest: number | null): PeriodRange {
  const d = new Date(now);
  const endOfMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
  switch (choice) {
    case '12m':
      return { from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1), to: endOfMonth, label: 'the last 12 months' };
    case '5y':
      return { from: Date.UTC(d.getUTCFullYear() - 5, d.getUTCMonth() + 1, 1), to: endOfMonth, label: 'the last 5 years' };
    case 'all': {
      const e = new Date(earliest ?? now);
      return { from: Date.UTC(e.getUTCFullYear(), e.getUTCMonth(), 1), to: endOfMonth, label: 'all time' };
    }
    case 'quarter':
      return quarterRange(quarter) ?? { from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1), to: endOfMonth, label: 'the last 12 months' };
  }
}
