import type { EventAttachment, EventKind, EventLink, EventReaction } from '../model/event';
import type { SourceFormat } from '../model/source';
import type { ImportErrorLocation } from './import-error';
import { newImportedEvent, type ActorRef, type ImportedEvent, type ImportWarning, type ParseResult } from './imported-records';
import { checkTextLength, type ImportLimits } from './limits';

export interface EventDraft {
  kind: EventKind;
  /** Vendor id when the source has one, else a stable hash of the record's content. */
  originalId: string;
  at: number;
  originalTime: string;
  text: string;
  actorExternalId?: string | null;
  actorName?: string;
  channel?: string;
  links?: EventLink[];
  threadParentKey?: string | null;
  replyCount?: number;
  edited?: boolean;
  deleted?: boolean;
  reactions?: EventReaction[];
  attachments?: EventAttachment[];
  mentions?: string[];
  raw: unknown;
}

/** `${format}:${originalId}`: re-imports of the same record collapse onto the same key. */
export function dedupeKeyFor(format: SourceFormat, originalId: string): string {
  return `${format}:${originalId}`;
}

/**
 * Collects the events, actors, warnings and skips of one parse. Events whose dedupe key was
 * already produced by the same parse are counted as skipped, never duplicated.
 */
export class ResultCollector {
  private readonly events: ImportedEvent[] = [];
  private readonly keys = new Set<string>();
  private readonly actors = new Map<string, ActorRef>();
  private readonly warnings: ImportWarning[] = [];
  private readonly skipped = new Map<string, number>();

  constructor(
    readonly format: SourceFormat,
    private readonly limits: ImportLimits,
  ) {}

  get eventCount(): number {
    return this.events.length;
  }

  addEvent(draft: EventDraft, where: ImportErrorLocation): boolean {
    checkTextLength(this.limits, draft.text, where);
    const dedupeKey = dedupeKeyFor(this.format, draft.originalId);
    if (this.keys.has(dedupeKey)) {
      this.skip('duplicate record');
      return false;
    }
    this.keys.add(dedupeKey);
    this.events.push(
      newImportedEvent({
        sourceFormat: this.format,
        dedupeKey,
        kind: draft.kind,
        at: draft.at,
        originalTime: draft.originalTime,
        actorExternalId: draft.actorExternalId ?? null,
        actorName: draft.actorName ?? '',
        channel: draft.channel ?? '',
        text: draft.text,
        links: draft.links ?? [],
        threadParentKey: draft.threadParentKey ?? null,
        ...(draft.replyCount ? { replyCount: draft.replyCount } : {}),
        ...(draft.edited ? { edited: true } : {}),
        ...(draft.deleted ? { deleted: true } : {}),
        ...(draft.reactions?.length ? { reactions: draft.reactions } : {}),
        ...(draft.attachments?.length ? { attachments: draft.attachments } : {}),
        ...(draft.mentions?.length ? { mentions: draft.mentions } : {}),
        raw: draft.raw,
      }),
    );
    return true;
  }

  /** Registers a person once per external id; later sightings fill in a missing email. */
  addActor(externalId: string, name: string, email: string | null = null, bot = false): void {
    const known = this.actors.get(externalId);
    if (known) {
      if (!known.email && email) known.email = email;
      return;
    }
    this.actors.set(externalId, { sourceFormat: this.format, externalId, name, email, unknown: false, bot });
  }

  warn(warning: ImportWarning): void {
    this.warnings.push(warning);
  }

  skip(reason: string, count = 1): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + count);
  }

  result(): ParseResult {
    const events = [...this.events].sort((a, b) => a.at - b.at);
    return {
      format: this.format,
      events,
      actors: [...this.actors.values()],
      warnings: [...this.warnings],
      skipped: [...this.skipped].map(([reason, count]) => ({ reason, count })),
    };
  }
}

/** A link only when the URL is http(s): imported data must never smuggle javascript: or file: links. */
export function webLink(url: unknown, label: string): EventLink | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  return /^https?:\/\/[^\s]+$/i.test(trimmed) ? { url: trimmed, label } : null;
}

/** Drops the nulls from a list of optional links. */
export function links(...candidates: (EventLink | null)[]): EventLink[] {
  return candidates.filter((link): link is EventLink => link !== null);
}
