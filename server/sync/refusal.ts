import type { SyncRefusal } from '../protocol/refusals.ts';

/**
 * What a Hocuspocus hook throws to refuse: the provider receives `reason`. The message stays
 * empty so Hocuspocus does not print it a second time; the server logs its own structured line.
 */
export function refusal(reason: SyncRefusal, code = 4403): Error & { reason: string; code: number } {
  return Object.assign(new Error(''), { reason, code });
}
