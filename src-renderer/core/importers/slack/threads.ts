import type { SlackMessage } from './slack-schemas';
import { compareSlackTs } from './slack-ts';

export interface LocatedMessage {
  message: SlackMessage;
  /** Entry and array index it came from, for error messages. */
  entry: string;
  index: number;
}

/**
 * A conversation's day files are a bag (their zone is undocumented and threads span days): all
 * messages are ordered by ts, and a ts seen twice (a `thread_broadcast` exported both as the reply
 * and as the channel copy) is kept once.
 */
export function orderAndDedupe(messages: readonly LocatedMessage[]): { unique: LocatedMessage[]; duplicates: number } {
  const byTs = new Map<string, LocatedMessage>();
  let duplicates = 0;
  for (const located of messages) {
    if (byTs.has(located.message.ts)) duplicates++;
    else byTs.set(located.message.ts, located);
  }
  const unique = [...byTs.values()].sort((a, b) => compareSlackTs(a.message.ts, b.message.ts));
  return { unique, duplicates };
}

/**
 * Replies per thread, found by `thread_ts` across all day files read (`replies[]` is often
 * absent since 2020). The parent's own `reply_count` wins when larger, because replies in day
 * files outside the chosen window were never read.
 */
export function replyCounts(messages: readonly LocatedMessage[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const { message } of messages) {
    if (message.thread_ts && message.thread_ts !== message.ts) found.set(message.thread_ts, (found.get(message.thread_ts) ?? 0) + 1);
  }
  for (const { message } of messages) {
    if (message.thread_ts === message.ts && message.reply_count) {
      found.set(message.ts, Math.max(found.get(message.ts) ?? 0, message.reply_count));
    }
  }
  return found;
}
