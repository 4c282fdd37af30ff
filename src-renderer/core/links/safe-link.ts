/**
 * The one rule for links that came from outside (imports, notes, tracker fields): which URL may
 * be opened, what exactly is opened, and when the text a link shows must be followed by where it
 * really goes. The timeline, the meeting, the Markdown export, the derived review and the desktop
 * main process all ask this file, so the rule cannot drift between them.
 */

const WEB_PROTOCOLS = new Set(['http:', 'https:']);

/** One plain mailbox (`local@domain`): no display names, groups, quotes or query characters. */
const MAIL_ADDRESS = /^[^\s@<>()[\]\\",;:?&=%/]+@[^\s@<>()[\]\\",;:?&=%/]+$/;

/** A label that reads as a web address: `https://…`, `www.…` or `host.tld[/…]`. */
const URL_WITH_SCHEME = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const BARE_HOST = /^(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*\.?(?::\d{1,5})?(?:[/?#]\S*)?$/i;
const LABEL_MAIL = /^(?:mailto:)?([^\s@]+@[^\s@]+\.[^\s@]+)$/i;

export interface SafeLink {
  /** What is handed to the browser or mail client: the checked web URL, or a rebuilt `mailto:`. */
  href: string;
  kind: 'web' | 'mail';
  /** The text the source showed for the link (its URL when it had none). */
  label: string;
  /**
   * Set when the label itself reads as an address (URL, host or e-mail) other than the one the
   * link opens: the real host (web) or address (mail), to be shown next to the label.
   */
  realTarget: string | null;
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

// eslint-disable-next-line no-control-regex -- whitespace or control characters mean the written URL is not the one the parser sees
const hasSpaceOrControl = (raw: string): boolean => /[\s\u0000-\u001F\u007F]/.test(raw);

/** `a%40b.example` → `a@b.example`: only what a mail client needs escaped is escaped. */
const encodeAddress = (address: string): string => encodeURIComponent(address).replace(/%40/g, '@');

/**
 * A `mailto:` rebuilt from its addresses plus subject and body. Everything else a link from an
 * import may carry (`attach=`, `cc=`, `bcc=`, headers some clients honour) is dropped.
 */
function rebuildMailto(url: URL): { href: string; addresses: string[] } | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const addresses = path.split(',').map((a) => a.trim()).filter((a) => a !== '');
  if (addresses.length === 0 || !addresses.every((a) => MAIL_ADDRESS.test(a))) return null;
  const query: string[] = [];
  for (const name of ['subject', 'body'] as const) {
    const value = url.searchParams.get(name);
    if (value) query.push(`${name}=${encodeURIComponent(value)}`);
  }
  const href = `mailto:${addresses.map(encodeAddress).join(',')}${query.length ? `?${query.join('&')}` : ''}`;
  return { href, addresses: addresses.map((a) => a.toLowerCase()) };
}

interface Target {
  href: string;
  kind: 'web' | 'mail';
  /** Lower-case host (web) or addresses (mail), for comparing with a label. */
  identity: string[];
}

function target(raw: string): Target | null {
  const trimmed = raw.trim();
  if (trimmed === '' || hasSpaceOrControl(trimmed)) return null;
  const url = parse(trimmed);
  if (!url) return null;
  if (WEB_PROTOCOLS.has(url.protocol)) {
    // `https://trusted.example@evil.example` is a classic disguise of the real host.
    if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
    // The link as written (exports keep it byte for byte); it parses to exactly the URL checked.
    return { href: trimmed, kind: 'web', identity: [url.hostname.toLowerCase().replace(/\.$/, '')] };
  }
  if (url.protocol === 'mailto:') {
    const mail = rebuildMailto(url);
    return mail && { href: mail.href, kind: 'mail', identity: mail.addresses };
  }
  return null;
}

/** The URL that may be opened for `raw` (mailto rebuilt), or null when it must not be opened. */
export function safeHref(raw: string): string | null {
  return target(raw)?.href ?? null;
}

/** What a label claims to point at, when it reads as an address at all. */
function claimedBy(label: string): { kind: 'web' | 'mail'; identity: string } | null {
  const text = label.trim();
  const mail = LABEL_MAIL.exec(text);
  if (mail?.[1]) return { kind: 'mail', identity: mail[1].toLowerCase() };
  const asUrl = URL_WITH_SCHEME.test(text) ? parse(text) : BARE_HOST.test(text) ? parse(`https://${text}`) : null;
  if (!asUrl?.hostname) return null;
  return { kind: 'web', identity: asUrl.hostname.toLowerCase().replace(/\.$/, '') };
}

/**
 * The safe form of a link and its label, or null when the URL must not be opened (other
 * schemes, credentials in a web URL, a mailto without a plain address, spaces or control
 * characters). A label such as `https://status.acme.com` on a link to `https://evil.example`
 * gets `realTarget: 'evil.example'`, so what opens is always visible.
 */
export function safeLink(url: string, label = ''): SafeLink | null {
  const to = target(url);
  if (!to) return null;
  const shown = label.trim() === '' ? url.trim() : label;
  const claim = claimedBy(shown);
  const differs = claim !== null && (claim.kind !== to.kind || !to.identity.includes(claim.identity));
  return { href: to.href, kind: to.kind, label: shown, realTarget: differs ? to.identity.join(', ') : null };
}

/** The label as plain text, with the real host or address after it when the label disguises it. */
export function linkText(link: SafeLink): string {
  return link.realTarget ? `${link.label} (${link.realTarget})` : link.label;
}
