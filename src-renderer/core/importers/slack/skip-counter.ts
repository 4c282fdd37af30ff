/** Counts records deliberately left out, by reason, for ParseResult.skipped. */
export class SkipCounter {
  private readonly counts = new Map<string, number>();

  add(reason: string, count = 1): void {
    if (count > 0) this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }

  get(reason: string): number {
    return this.counts.get(reason) ?? 0;
  }

  toArray(): { reason: string; count: number }[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}

export const SKIP_REASON = {
  outsideWindow: 'outside time window',
  duplicateTs: 'same ts seen twice (thread_broadcast copy)',
  changeNotice: 'edit/delete notice (message_changed, message_deleted, message_replied)',
  unavailableFile: 'file not in export (tombstone or hidden_by_limit)',
  badTs: 'ts is not a Slack timestamp',
} as const;
