import { safeHref } from '@core/links/safe-link';

/** Schemes a link in a document may carry; anything else is dropped to plain text on import and never exported. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'debrief:']);

export const EVENT_URL_PREFIX = 'debrief://event/';
export const PERSON_URL_PREFIX = 'debrief://person/';

/** Ids travel inside URLs and Markdown, so only URL-safe characters are accepted. */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for http(s), mailto and debrief: URLs. Relative URLs are refused: a document has no base to resolve them against. */
export function isAllowedUrl(raw: string): boolean {
  // The URL parser silently drops tabs and newlines ("java\nscript:"), so judge what it would actually open.
  const url = parseUrl(raw.trim());
  if (!url || !ALLOWED_PROTOCOLS.has(url.protocol)) return false;
  // Whitespace or control characters inside the written URL mean it is not the URL the parser saw.
  if ([...raw].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) return false;
  // Links that leave the app follow the one rule for external links (no credentials, plain mailboxes).
  return url.protocol === 'debrief:' || safeHref(raw) !== null;
}

/** What a document link is written as: external links as they may be opened (mailto rebuilt). */
export function exportedUrl(raw: string): string {
  return raw.startsWith('debrief:') ? raw : (safeHref(raw) ?? raw);
}

export function isValidReferenceId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export function eventUrl(eventId: string): string {
  return `${EVENT_URL_PREFIX}${eventId}`;
}

export function personUrl(personId: string): string {
  return `${PERSON_URL_PREFIX}${personId}`;
}

/** The event id a `debrief://event/<id>` URL points at, or null for any other URL. */
export function eventIdFromUrl(url: string): string | null {
  if (!url.startsWith(EVENT_URL_PREFIX)) return null;
  const id = url.slice(EVENT_URL_PREFIX.length);
  return isValidReferenceId(id) ? id : null;
}
