import { z } from 'zod';
import type { TimelineEvent } from '../model/event';

/**
 * The one rule for "the same real-world event arrived from two sources": a deploy bot's Slack
 * message and the deploy CSV's row, a PagerDuty trigger and the Alertmanager alert behind it.
 * The timeline shows such events as one row with both sources; the user can split a pair, and
 * the split is remembered by `sameEventPairKey`.
 *
 * Two events are the same when all of these hold:
 * - they come from different sources of different formats, at most `SAME_EVENT_WINDOW_MS` apart;
 * - they are of one family: deploys with deploys, alerts and pages with alerts and pages, and a
 *   bot's chat post with either (a person's message is never merged: saying "rolled back" is an
 *   event of its own);
 * - their words agree: a shared distinctive token (one with a digit: a version, "5xx", "p99") and
 *   one more shared word, or at least three shared words covering 60 % of the shorter text.
 */
export const SAME_EVENT_WINDOW_MS = 120_000;

type Family = 'deploy' | 'alert' | 'bot-post';

const STOP_WORDS = new Set([
  'the', 'a', 'an', 'to', 'of', 'in', 'on', 'at', 'for', 'by', 'and', 'or', 'is', 'was', 'are', 'be', 'with', 'from', 'all',
  'through', 'via', 'api', 'firing', 'triggered', 'alert', 'resolved', 'deployed', 'deploy', 'deployment',
]);

/** A chat post by a bot or integration: a Slack bot id (`B…`, `bot:name`) or a name that says so. */
export function isBotPost(event: Pick<TimelineEvent, 'kind' | 'actorAlias' | 'actorName'>): boolean {
  if (event.kind !== 'message') return false;
  if (/^slack-export:(B[A-Z0-9]+|bot:)/.test(event.actorAlias ?? '')) return true;
  return /(^|[\s_-])bot$|\bbot\b/i.test(event.actorName);
}

function family(event: TimelineEvent): Family | null {
  if (event.kind === 'deploy') return 'deploy';
  if (event.kind === 'alert' || event.kind === 'page') return 'alert';
  return isBotPost(event) ? 'bot-post' : null;
}

function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}._-]+/u)) {
    const token = raw.replace(/^[._-]+|[._-]+$/g, '');
    if (token.length >= 2 && !STOP_WORDS.has(token)) out.add(token);
  }
  return out;
}

// An event is compared with every event of the other sources in its window: split its words once.
const tokenCache = new WeakMap<TimelineEvent, { text: string; tokens: Set<string> }>();
function tokensOf(event: TimelineEvent): Set<string> {
  const cached = tokenCache.get(event);
  if (cached && cached.text === event.text) return cached.tokens;
  const fresh = { text: event.text, tokens: tokens(event.text) };
  tokenCache.set(event, fresh);
  return fresh.tokens;
}

const distinctive = (token: string) => token.length >= 3 && /\d/.test(token) && /[^\d]/.test(token);

/** Whether two events are one real-world event seen by two sources (see the rule above). */
export function isSameEvent(a: TimelineEvent, b: TimelineEvent): boolean {
  if (a.id === b.id || a.sourceId === b.sourceId || a.sourceFormat === b.sourceFormat) return false;
  if (Math.abs(a.at - b.at) > SAME_EVENT_WINDOW_MS || a.redacted || b.redacted || a.deleted || b.deleted) return false;
  const fa = family(a);
  const fb = family(b);
  if (fa === null || fb === null || (fa === 'bot-post' && fb === 'bot-post')) return false;
  if (fa !== fb && fa !== 'bot-post' && fb !== 'bot-post') return false;
  const ta = tokensOf(a);
  const tb = tokensOf(b);
  const shared = [...ta].filter((token) => tb.has(token));
  if (shared.some(distinctive) && shared.length >= 2) return true;
  return shared.length >= 3 && shared.length / Math.min(ta.size, tb.size) >= 0.6;
}

/**
 * Pairs the user split apart ("idA|idB"), kept as a setting per incident: the timeline and the
 * postmortem both read it, so a split pair is two events everywhere.
 */
export const sameEventSplitsKey = (incidentId: string) => `timeline-same-event-splits:${incidentId}`;
export const sameEventSplitsSchema = z.array(z.string()).default([]);

/** The key a split pair is remembered by: both ids, in order. */
export function sameEventPairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface SameEventMatches {
  /** Events shown in the row of an earlier one, by that row's event id, in time order. */
  merged: Map<string, TimelineEvent[]>;
  /** The row event each merged event is shown in. */
  shownIn: Map<string, string>;
}

const inTimeOrder = (a: TimelineEvent, b: TimelineEvent) => a.at - b.at || (a.id < b.id ? -1 : 1);

/**
 * Pairs up the events (in time order) by `isSameEvent`: the earlier one keeps its row and takes
 * in at most one event per other source format; pairs in `splits` stay apart.
 *
 * Only events of another format can pair, so each event looks at the other formats' events in its
 * window alone (one cursor per format): a 100k-row source next to a small one costs a pass over
 * them, not 100k × the events of the same source within two minutes (seconds of main thread).
 */
export function matchSameEvents(events: readonly TimelineEvent[], splits: ReadonlySet<string> = new Set()): SameEventMatches {
  return matchSameEventCandidates(events.filter(isSameEventCandidate), splits);
}

/** Whether an event can be one of a pair at all (not a thread reply; a deploy, an alert or a bot's post). */
export function isSameEventCandidate(event: TimelineEvent): boolean {
  return event.threadParentKey === null && family(event) !== null;
}

/**
 * matchSameEvents for a list already cut down to the events passing isSameEventCandidate (a view
 * that knows them from an earlier pass); the list is the caller's to give away (it may be sorted).
 */
export function matchSameEventCandidates(candidates: TimelineEvent[], splits: ReadonlySet<string> = new Set()): SameEventMatches {
  const merged = new Map<string, TimelineEvent[]>();
  const shownIn = new Map<string, string>();
  // The views hand over events already in time order: check that in one pass before sorting.
  if (candidates.some((event, i) => i > 0 && inTimeOrder(candidates[i - 1], event) > 0)) candidates.sort(inTimeOrder);
  const byFormat = new Map<string, TimelineEvent[]>();
  for (const event of candidates) {
    const list = byFormat.get(event.sourceFormat);
    if (list) list.push(event);
    else byFormat.set(event.sourceFormat, [event]);
  }
  if (byFormat.size < 2) return { merged, shownIn };
  const formats = [...byFormat.entries()].map(([format, list]) => ({ format, list, next: 0 }));
  for (const primary of candidates) {
    if (shownIn.has(primary.id)) continue;
    let taken: TimelineEvent[] | undefined;
    for (const cursor of formats) {
      // Events at or before the primary in time order were primaries already; primaries only move forward.
      while (cursor.next < cursor.list.length && inTimeOrder(cursor.list[cursor.next], primary) <= 0) cursor.next++;
      if (cursor.format === primary.sourceFormat) continue;
      for (let j = cursor.next; j < cursor.list.length && cursor.list[j].at - primary.at <= SAME_EVENT_WINDOW_MS; j++) {
        const other = cursor.list[j];
        if (shownIn.has(other.id) || merged.has(other.id) || splits.has(sameEventPairKey(primary.id, other.id)) || !isSameEvent(primary, other)) continue;
        (taken ??= []).push(other);
        shownIn.set(other.id, primary.id);
        break;
      }
    }
    if (taken) merged.set(primary.id, taken.sort(inTimeOrder));
  }
  return { merged, shownIn };
}
