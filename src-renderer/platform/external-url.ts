const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The only URLs the app will hand to the OS or a new tab; anything else is refused. */
export function safeExternalUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return EXTERNAL_PROTOCOLS.has(url.protocol) ? url : null;
}
