/** Minutes as "45 min", "2 h 5 min", "3 d 4 h"; "—" when unknown. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '—';
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 1440) return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m / 60} h`;
  const h = Math.round(m / 60);
  return h % 24 ? `${Math.floor(h / 24)} d ${h % 24} h` : `${h / 24} d`;
}

export function formatShare(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
